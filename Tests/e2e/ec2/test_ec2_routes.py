"""Route tables, routes, internet and NAT gateways and DHCP options end to end: boto3 (paginators),
awscli, libcloud's EC2 driver and Ansible's amazon.aws info modules, on CloudStack VPCs."""

import json
import os
import subprocess
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ansible_support import run_tasks
from cloudstack_vpc import cloudstack_vpc, hex_of, leftovers, user_view
from ec2_helpers import boto3_client


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def vpc(stackbridge):
    with cloudstack_vpc(stackbridge, tiers=2) as made:
        yield made
    assert leftovers(stackbridge, made["uuid"]) == {"vpcs": [], "acls": [], "routes": [], "gateways": []}


def main_table(ec2, vpc):
    tables = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc["vpc_id"]]}])["RouteTables"]
    assert len(tables) == 1
    return tables[0]


def test_boto3_main_table_static_routes_and_refusals(ec2, vpc, stackbridge):
    table = main_table(ec2, vpc)
    assert table["RouteTableId"] == "rtb-" + hex_of(vpc["uuid"])
    assert table["Associations"][0]["Main"] is True
    routes = {r["DestinationCidrBlock"]: r for r in table["Routes"]}
    assert routes[vpc["cidr"]]["GatewayId"] == "local"
    assert routes["0.0.0.0/0"]["GatewayId"] == "igw-" + hex_of(vpc["uuid"])

    ec2.create_route(RouteTableId=table["RouteTableId"], DestinationCidrBlock="172.31.0.0/16",
                     LocalGatewayId=vpc["local_gateway_id"])
    statics = [r["id"] for r in user_view(stackbridge).listStaticRoutes(vpcid=vpc["uuid"], fetch_list=True)]
    assert len(statics) == 1, "one CloudStack static route backs the EC2 route"
    routed = {r["DestinationCidrBlock"]: r for r in main_table(ec2, vpc)["Routes"]}
    assert routed["172.31.0.0/16"]["LocalGatewayId"] == vpc["local_gateway_id"]
    with pytest.raises(ClientError) as duplicate:
        ec2.create_route(RouteTableId=table["RouteTableId"], DestinationCidrBlock="172.31.0.0/16",
                         LocalGatewayId=vpc["local_gateway_id"])
    assert duplicate.value.response["Error"]["Code"] == "RouteAlreadyExists"
    with pytest.raises(ClientError) as igw:
        ec2.create_route(RouteTableId=table["RouteTableId"], DestinationCidrBlock="172.29.0.0/16",
                         GatewayId=routes["0.0.0.0/0"]["GatewayId"])
    assert igw.value.response["Error"]["Code"] == "UnsupportedOperation"
    assert "GatewayId" in igw.value.response["Error"]["Message"]

    by_subnet = ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id", "Values": [vpc["subnet_ids"][1]]}])
    assert [t["RouteTableId"] for t in by_subnet["RouteTables"]] == [table["RouteTableId"]]
    ec2.delete_route(RouteTableId=table["RouteTableId"], DestinationCidrBlock="172.31.0.0/16")
    assert "172.31.0.0/16" not in {r["DestinationCidrBlock"] for r in main_table(ec2, vpc)["Routes"]}
    assert user_view(stackbridge).listStaticRoutes(vpcid=vpc["uuid"], fetch_list=True) == []

    for call in (lambda: ec2.create_route_table(VpcId=vpc["vpc_id"]),
                 lambda: ec2.create_internet_gateway(),
                 lambda: ec2.delete_nat_gateway(NatGatewayId="nat-" + "0" * 31 + "1")):
        with pytest.raises(ClientError) as refused:
            call()
        assert refused.value.response["Error"]["Code"] == "UnsupportedOperation"
        assert "CloudStack" in refused.value.response["Error"]["Message"]


def test_boto3_paginators_gateways_and_dhcp_options(ec2, vpc):
    pages = list(ec2.get_paginator("describe_route_tables").paginate(PaginationConfig={"PageSize": 5}))
    assert "rtb-" + hex_of(vpc["uuid"]) in [t["RouteTableId"] for p in pages for t in p["RouteTables"]]
    igws = ec2.describe_internet_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [vpc["vpc_id"]]}])
    assert [g["InternetGatewayId"] for g in igws["InternetGateways"]] == ["igw-" + hex_of(vpc["uuid"])]
    assert igws["InternetGateways"][0]["Attachments"] == [{"State": "available", "VpcId": vpc["vpc_id"]}]
    nats = [n for p in ec2.get_paginator("describe_nat_gateways").paginate(
        Filters=[{"Name": "vpc-id", "Values": [vpc["vpc_id"]]}], PaginationConfig={"PageSize": 5}) for n in p["NatGateways"]]
    assert len(nats) == 1 and nats[0]["State"] == "available" and nats[0]["ConnectivityType"] == "public"
    assert nats[0]["NatGatewayAddresses"][0]["PublicIp"]
    ec2.get_waiter("nat_gateway_available").wait(NatGatewayIds=[nats[0]["NatGatewayId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    options = ec2.describe_dhcp_options()["DhcpOptions"]
    assert [o["DhcpOptionsId"] for o in options] == ["dopt-" + "0" * 32]
    values = {c["Key"]: [v["Value"] for v in c["Values"]] for c in options[0]["DhcpConfigurations"]}
    assert values["domain-name-servers"] == ["AmazonProvidedDNS"]
    ec2.associate_dhcp_options(DhcpOptionsId="dopt-" + "0" * 32, VpcId=vpc["vpc_id"])


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli-routes") / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
               AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config),
               AWS_SHARED_CREDENTIALS_FILE=str(config), AWS_PAGER="", AWS_CA_BUNDLE=stackbridge.ca_file)

    def run(*args, ok=True):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                                env=env, capture_output=True, text=True, timeout=120)
        assert (result.returncode == 0) == ok, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else result.stderr

    return run


def test_awscli_routes_and_gateways(aws, vpc):
    table = "rtb-" + hex_of(vpc["uuid"])
    aws("create-route", "--route-table-id", table, "--destination-cidr-block", "172.28.0.0/16",
        "--local-gateway-id", vpc["local_gateway_id"])
    described = aws("describe-route-tables", "--route-table-ids", table)["RouteTables"][0]
    assert "172.28.0.0/16" in [r["DestinationCidrBlock"] for r in described["Routes"]]
    aws("replace-route", "--route-table-id", table, "--destination-cidr-block", "172.28.0.0/16",
        "--local-gateway-id", vpc["local_gateway_id"])
    aws("delete-route", "--route-table-id", table, "--destination-cidr-block", "172.28.0.0/16")
    missing = aws("delete-route", "--route-table-id", table, "--destination-cidr-block", "172.28.0.0/16", ok=False)
    assert "InvalidRoute.NotFound" in missing
    igws = aws("describe-internet-gateways", "--filters", f"Name=attachment.vpc-id,Values={vpc['vpc_id']}")
    assert [g["InternetGatewayId"] for g in igws["InternetGateways"]] == ["igw-" + hex_of(vpc["uuid"])]
    assert len(aws("describe-nat-gateways", "--filter", f"Name=vpc-id,Values={vpc['vpc_id']}")["NatGateways"]) == 1
    assert aws("describe-dhcp-options")["DhcpOptions"][0]["DhcpOptionsId"] == "dopt-" + "0" * 32
    refused = aws("attach-internet-gateway", "--internet-gateway-id", "igw-" + hex_of(vpc["uuid"]),
                  "--vpc-id", vpc["vpc_id"], ok=False)
    assert "UnsupportedOperation" in refused


def test_libcloud_lists_route_tables_and_internet_gateways(stackbridge, vpc):
    url = urlparse(stackbridge.ec2_endpoint)
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1",
                                      host=url.hostname, port=url.port, secure=True, signature_version="2")
    tables = driver.ex_list_route_tables(filters={"vpc-id": vpc["vpc_id"]})
    assert [t.id for t in tables] == ["rtb-" + hex_of(vpc["uuid"])]
    routes = {r.cidr: r for r in tables[0].routes}
    assert routes[vpc["cidr"]].gateway_id == "local" and routes["0.0.0.0/0"].gateway_id == "igw-" + hex_of(vpc["uuid"])
    assert tables[0].subnet_associations[0].main is True
    gateways = driver.ex_list_internet_gateways(filters={"attachment.vpc-id": vpc["vpc_id"]})
    assert [g.id for g in gateways] == ["igw-" + hex_of(vpc["uuid"])]
    assert gateways[0].vpc_id == vpc["vpc_id"] and gateways[0].state == "available"


def test_ansible_route_table_igw_nat_and_dhcp_info(stackbridge, vpc, tmp_path):
    tables, igws, nats, dhcp = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_route_table_info": {"filters": {"vpc-id": vpc["vpc_id"]}}},
        {"amazon.aws.ec2_vpc_igw_info": {"filters": {"attachment.vpc-id": vpc["vpc_id"]}}},
        {"amazon.aws.ec2_vpc_nat_gateway_info": {"filters": {"vpc-id": vpc["vpc_id"]}}},
        {"amazon.aws.ec2_vpc_dhcp_option_info": {}},
    ])
    assert [t["id"] for t in tables["route_tables"]] == ["rtb-" + hex_of(vpc["uuid"])]
    assert [g["internet_gateway_id"] for g in igws["internet_gateways"]] == ["igw-" + hex_of(vpc["uuid"])]
    assert len(nats["result"]) == 1 and nats["result"][0]["vpc_id"] == vpc["vpc_id"]
    assert [o["dhcp_options_id"] for o in dhcp["dhcp_options"]] == ["dopt-" + "0" * 32]
    assert not any(r.get("changed") for r in (tables, igws, nats, dhcp))

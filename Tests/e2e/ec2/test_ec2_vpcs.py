"""VPCs and subnets end to end: boto3 (waiters vpc_available, vpc_exists, subnet_available and the
DescribeVpcs/DescribeSubnets paginators), awscli, libcloud's EC2 driver and Ansible's amazon.aws
ec2_vpc_net, ec2_vpc_net_info, ec2_vpc_subnet and ec2_vpc_subnet_info (create, re-run unchanged, delete),
each checked against what CloudStack holds afterwards."""

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
from cloudstack_vpc import admin_view, uuid_of as hex_to_uuid
from ec2_helpers import boto3_client

DEFAULT_VPC = "vpc-" + "0" * 32
WAIT = {"Delay": 1, "MaxAttempts": 20}


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def cloudstack_vpcs(bridge, cidr):
    """The CloudStack VPCs with this CIDR, and the tiers of each."""
    admin = admin_view(bridge)
    vpcs = [v for v in admin.listVPCs(listall=True, fetch_list=True) if v["cidr"] == cidr]
    return {v["id"]: [n["cidr"] for n in admin.listNetworks(listall=True, vpcid=v["id"], fetch_list=True)] for v in vpcs}


def test_boto3_vpc_and_subnets_with_waiters_and_paginators(ec2, stackbridge):
    vpc = ec2.create_vpc(CidrBlock="10.150.0.0/16", TagSpecifications=[
        {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "boto3-vpc"}]}])["Vpc"]
    vpc_id = vpc["VpcId"]
    ec2.get_waiter("vpc_exists").wait(VpcIds=[vpc_id], WaiterConfig=WAIT)
    ec2.get_waiter("vpc_available").wait(VpcIds=[vpc_id], WaiterConfig=WAIT)
    subnets = [ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.150.{n}.0/24")["Subnet"]["SubnetId"] for n in range(1, 4)]
    ec2.get_waiter("subnet_available").wait(SubnetIds=subnets, WaiterConfig=WAIT)
    assert cloudstack_vpcs(stackbridge, "10.150.0.0/16") == {
        hex_to_uuid(vpc_id): ["10.150.1.0/24", "10.150.2.0/24", "10.150.3.0/24"]}

    vpcs = [v for page in ec2.get_paginator("describe_vpcs").paginate(PaginationConfig={"PageSize": 5}) for v in page["Vpcs"]]
    ids = [v["VpcId"] for v in vpcs]
    assert vpc_id in ids and DEFAULT_VPC in ids and len(ids) == len(set(ids))
    assert next(v for v in vpcs if v["VpcId"] == DEFAULT_VPC)["IsDefault"] is True
    default = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    assert [v["VpcId"] for v in default] == [DEFAULT_VPC]
    found = [s for page in ec2.get_paginator("describe_subnets").paginate(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]}], PaginationConfig={"PageSize": 5}) for s in page["Subnets"]]
    assert sorted(s["SubnetId"] for s in found) == sorted(subnets)
    assert all(s["AvailableIpAddressCount"] == 251 and not s["DefaultForAz"] for s in found)
    zone_defaults = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
    assert zone_defaults and all(s["VpcId"] == DEFAULT_VPC for s in zone_defaults)

    assert ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsHostnames")["EnableDnsHostnames"]["Value"] is True
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": True})
    with pytest.raises(ClientError) as off:
        ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": False})
    assert off.value.response["Error"]["Code"] == "UnsupportedOperation"
    with pytest.raises(ClientError) as busy:
        ec2.delete_vpc(VpcId=vpc_id)
    assert busy.value.response["Error"]["Code"] == "DependencyViolation"
    with pytest.raises(ClientError) as conflict:
        ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.150.1.0/25")
    assert conflict.value.response["Error"]["Code"] == "InvalidSubnet.Conflict"
    with pytest.raises(ClientError) as ipv6:
        ec2.create_vpc(CidrBlock="10.151.0.0/16", AmazonProvidedIpv6CidrBlock=True)
    assert ipv6.value.response["Error"]["Code"] == "UnsupportedOperation"
    assert "AmazonProvidedIpv6CidrBlock" in ipv6.value.response["Error"]["Message"]

    for subnet in subnets:
        ec2.delete_subnet(SubnetId=subnet)
    ec2.delete_vpc(VpcId=vpc_id)
    with pytest.raises(ClientError) as gone:
        ec2.describe_vpcs(VpcIds=[vpc_id])
    assert gone.value.response["Error"]["Code"] == "InvalidVpcID.NotFound"
    assert cloudstack_vpcs(stackbridge, "10.150.0.0/16") == {}


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli-vpcs") / "config"
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


def test_awscli_create_and_describe_vpcs_and_subnets(aws, stackbridge):
    vpc = aws("create-vpc", "--cidr-block", "10.152.0.0/16",
              "--tag-specifications", "ResourceType=vpc,Tags=[{Key=Name,Value=cli-vpc}]")["Vpc"]
    assert vpc["CidrBlock"] == "10.152.0.0/16" and vpc["IsDefault"] is False
    described = aws("describe-vpcs", "--filters", "Name=tag:Name,Values=cli-vpc")["Vpcs"]
    assert [v["VpcId"] for v in described] == [vpc["VpcId"]]
    subnet = aws("create-subnet", "--vpc-id", vpc["VpcId"], "--cidr-block", "10.152.7.0/24")["Subnet"]
    listed = aws("describe-subnets", "--filters", f"Name=vpc-id,Values={vpc['VpcId']}",
                 "Name=cidr-block,Values=10.152.7.0/24")["Subnets"]
    assert [s["SubnetId"] for s in listed] == [subnet["SubnetId"]]
    outside = aws("create-subnet", "--vpc-id", vpc["VpcId"], "--cidr-block", "10.153.0.0/24", ok=False)
    assert "InvalidSubnet.Range" in outside
    aws("delete-subnet", "--subnet-id", subnet["SubnetId"])
    aws("delete-vpc", "--vpc-id", vpc["VpcId"])
    assert cloudstack_vpcs(stackbridge, "10.152.0.0/16") == {}


def test_libcloud_networks_and_subnets(stackbridge):
    url = urlparse(stackbridge.ec2_endpoint)
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1",
                                      host=url.hostname, port=url.port, secure=True, signature_version="2")
    network = driver.ex_create_network("10.154.0.0/16", name="libcloud-vpc")
    assert network.cidr_block == "10.154.0.0/16" and network.extra["tags"]["Name"] == "libcloud-vpc"
    listed = driver.ex_list_networks(filters={"cidr": "10.154.0.0/16"})
    assert [n.id for n in listed] == [network.id] and listed[0].name == "libcloud-vpc"
    assert any(n.id == DEFAULT_VPC and n.extra["is_default"] == "true" for n in driver.ex_list_networks())
    subnet = driver.ex_create_subnet(network.id, "10.154.1.0/24", "Sandbox-simulator-advanced", name="libcloud-subnet")
    subnets = driver.ex_list_subnets(filters={"vpc-id": network.id})
    assert [s.id for s in subnets] == [subnet.id] and subnets[0].name == "libcloud-subnet"
    assert subnets[0].extra["cidr_block"] == "10.154.1.0/24" and subnets[0].extra["available_ips"] == 251
    assert driver.ex_delete_subnet(subnet) is True
    assert driver.ex_delete_network(network) is True
    assert driver.ex_list_networks(filters={"cidr": "10.154.0.0/16"}) == []
    assert cloudstack_vpcs(stackbridge, "10.154.0.0/16") == {}


def test_ansible_vpc_and_subnet_create_rerun_unchanged_and_delete(stackbridge, tmp_path):
    net = {"name": "ansible-vpc", "cidr_block": "10.155.0.0/16", "tags": {"team": "ops"}}
    created, again, info = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_net": net},
        {"amazon.aws.ec2_vpc_net": net},
        {"amazon.aws.ec2_vpc_net_info": {"filters": {"tag:Name": "ansible-vpc"}}},
    ])
    assert created["changed"] and not again["changed"], again
    vpc_id = created["vpc"]["id"]
    assert again["vpc"]["id"] == vpc_id and created["vpc"]["tags"] == {"Name": "ansible-vpc", "team": "ops"}
    assert [v["vpc_id"] for v in info["vpcs"]] == [vpc_id]
    assert info["vpcs"][0]["enable_dns_support"] is True and info["vpcs"][0]["enable_dns_hostnames"] is True

    subnet = {"vpc_id": vpc_id, "cidr": "10.155.1.0/24", "az": "Sandbox-simulator-advanced", "tags": {"Name": "ansible-subnet"}}
    made, rerun, subnet_info = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_subnet": subnet},
        {"amazon.aws.ec2_vpc_subnet": subnet},
        {"amazon.aws.ec2_vpc_subnet_info": {"filters": {"vpc-id": vpc_id}}},
    ])
    assert made["changed"] and not rerun["changed"], rerun
    assert made["subnet"]["cidr_block"] == "10.155.1.0/24" and made["subnet"]["tags"] == {"Name": "ansible-subnet"}
    assert [s["id"] for s in subnet_info["subnets"]] == [made["subnet"]["id"]]
    assert cloudstack_vpcs(stackbridge, "10.155.0.0/16") == {hex_to_uuid(vpc_id): ["10.155.1.0/24"]}

    gone_subnet, gone_subnet_again, gone_vpc, gone_vpc_again = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_subnet": {**subnet, "state": "absent"}},
        {"amazon.aws.ec2_vpc_subnet": {**subnet, "state": "absent"}},
        {"amazon.aws.ec2_vpc_net": {**net, "state": "absent"}},
        {"amazon.aws.ec2_vpc_net": {**net, "state": "absent"}},
    ])
    assert gone_subnet["changed"] and not gone_subnet_again["changed"]
    assert gone_vpc["changed"] and not gone_vpc_again["changed"]
    assert cloudstack_vpcs(stackbridge, "10.155.0.0/16") == {}

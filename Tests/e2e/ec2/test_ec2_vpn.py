"""Site-to-site VPN customer gateways end to end: boto3 (with the customer_gateway_available waiter) and
awscli, checked against what CloudStack holds."""

import json
import os
import subprocess

import pytest
from botocore.exceptions import ClientError

from cloudstack_vpc import admin_view, hex_of
from ec2_helpers import FAST_WAITER, boto3_client


def cloudstack_gateways(bridge):
    return admin_view(bridge).listVpnCustomerGateways(listall=True, fetch_list=True)


def test_boto3_customer_gateway_lifecycle_and_waiter(stackbridge):
    ec2 = boto3_client(stackbridge)
    created = ec2.create_customer_gateway(Type="ipsec.1", IpAddress="198.51.100.40", BgpAsn=65000,
                                          DeviceName="branch-office")["CustomerGateway"]
    gateway = created["CustomerGatewayId"]
    ec2.get_waiter("customer_gateway_available").wait(CustomerGatewayIds=[gateway], WaiterConfig=FAST_WAITER)
    held = [g for g in cloudstack_gateways(stackbridge) if "cgw-" + hex_of(g["id"]) == gateway]
    assert len(held) == 1 and held[0]["gateway"] == "198.51.100.40" and held[0]["name"] == "branch-office"
    assert ec2.create_customer_gateway(Type="ipsec.1", IpAddress="198.51.100.40")["CustomerGateway"]["CustomerGatewayId"] == gateway
    listed = ec2.describe_customer_gateways(Filters=[{"Name": "ip-address", "Values": ["198.51.100.40"]}])["CustomerGateways"]
    assert [(g["CustomerGatewayId"], g["BgpAsn"], g["Type"]) for g in listed] == [(gateway, "65000", "ipsec.1")]
    with pytest.raises(ClientError) as bgp:
        ec2.create_customer_gateway(Type="ipsec.1", IpAddress="198.51.100.41", BgpAsn=64512)
    assert bgp.value.response["Error"]["Code"] == "UnsupportedOperation"
    ec2.delete_customer_gateway(CustomerGatewayId=gateway)
    assert not [g for g in cloudstack_gateways(stackbridge) if "cgw-" + hex_of(g["id"]) == gateway]
    with pytest.raises(ClientError) as gone:
        ec2.describe_customer_gateways(CustomerGatewayIds=[gateway])
    assert gone.value.response["Error"]["Code"] == "InvalidCustomerGatewayID.NotFound"


def test_awscli_customer_gateways(stackbridge, tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
               AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config),
               AWS_SHARED_CREDENTIALS_FILE=str(config), AWS_PAGER="", AWS_CA_BUNDLE=stackbridge.ca_file)

    def aws(*args):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    gateway = aws("create-customer-gateway", "--type", "ipsec.1", "--public-ip", "198.51.100.42",
                  "--bgp-asn", "65000")["CustomerGateway"]["CustomerGatewayId"]
    aws("wait", "customer-gateway-available", "--customer-gateway-ids", gateway)
    assert aws("describe-customer-gateways", "--customer-gateway-ids", gateway)["CustomerGateways"][0]["IpAddress"] == "198.51.100.42"
    aws("delete-customer-gateway", "--customer-gateway-id", gateway)
    assert gateway not in [g["CustomerGatewayId"] for g in aws("describe-customer-gateways")["CustomerGateways"]]


def test_boto3_vpn_gateway_is_the_vpcs_own(stackbridge):
    from cloudstack_vpc import cloudstack_vpc, user_view

    ec2 = boto3_client(stackbridge)
    with cloudstack_vpc(stackbridge, gateway=False) as vpc:
        gateway = "vgw-" + hex_of(vpc["uuid"])
        listed = ec2.describe_vpn_gateways(VpnGatewayIds=[gateway])["VpnGateways"]
        assert listed[0]["VpcAttachments"] == [] and listed[0]["State"] == "available"
        with pytest.raises(ClientError) as create:
            ec2.create_vpn_gateway(Type="ipsec.1")
        assert create.value.response["Error"]["Code"] == "UnsupportedOperation"
        assert ec2.attach_vpn_gateway(VpnGatewayId=gateway, VpcId=vpc["vpc_id"])["VpcAttachment"]["State"] == "attached"
        assert len(user_view(stackbridge).listVpnGateways(vpcid=vpc["uuid"], fetch_list=True)) == 1
        attached = ec2.describe_vpn_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [vpc["vpc_id"]]}])["VpnGateways"]
        assert [g["VpnGatewayId"] for g in attached] == [gateway]
        ec2.detach_vpn_gateway(VpnGatewayId=gateway, VpcId=vpc["vpc_id"])
        assert user_view(stackbridge).listVpnGateways(vpcid=vpc["uuid"], fetch_list=True) == []
        ec2.delete_vpn_gateway(VpnGatewayId=gateway)

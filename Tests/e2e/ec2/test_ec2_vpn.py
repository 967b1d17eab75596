"""Site-to-site VPN end to end: customer gateways, VPN gateways and connections with boto3 (the
customer_gateway_available, vpn_connection_available and vpn_connection_deleted waiters) and awscli,
checked against what CloudStack holds."""

import pytest
from botocore.exceptions import ClientError

from cloudstack_vpc import admin_view, hex_of
from ec2_helpers import FAST_WAITER, awscli, boto3_client


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
    aws = awscli(stackbridge, tmp_path)
    gateway = aws("ec2", "create-customer-gateway", "--type", "ipsec.1", "--public-ip", "198.51.100.42",
                  "--bgp-asn", "65000")["CustomerGateway"]["CustomerGatewayId"]
    aws("ec2", "wait", "customer-gateway-available", "--customer-gateway-ids", gateway)
    listed = aws("ec2", "describe-customer-gateways", "--customer-gateway-ids", gateway)["CustomerGateways"]
    assert listed[0]["IpAddress"] == "198.51.100.42"
    aws("ec2", "delete-customer-gateway", "--customer-gateway-id", gateway)
    assert gateway not in [g["CustomerGatewayId"] for g in aws("ec2", "describe-customer-gateways")["CustomerGateways"]]


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


def attached_vpc_gateway(ec2, bridge, vpc):
    gateway = "vgw-" + hex_of(vpc["uuid"])
    ec2.attach_vpn_gateway(VpnGatewayId=gateway, VpcId=vpc["vpc_id"])
    return gateway


def test_boto3_vpn_connection_lifecycle_with_waiters(stackbridge):
    from cloudstack_vpc import cloudstack_vpc, user_view

    ec2 = boto3_client(stackbridge)
    with cloudstack_vpc(stackbridge, gateway=False) as vpc:
        gateway = attached_vpc_gateway(ec2, stackbridge, vpc)
        customer = ec2.create_customer_gateway(Type="ipsec.1", IpAddress="198.51.100.50", BgpAsn=65000)["CustomerGateway"]
        ec2.get_waiter("customer_gateway_available").wait(CustomerGatewayIds=[customer["CustomerGatewayId"]],
                                                          WaiterConfig=FAST_WAITER)
        with pytest.raises(ClientError) as bgp:
            ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=customer["CustomerGatewayId"], VpnGatewayId=gateway,
                                      Options={"StaticRoutesOnly": False})
        assert bgp.value.response["Error"]["Code"] == "UnsupportedOperation"
        assert "StaticRoutesOnly" in bgp.value.response["Error"]["Message"]
        with pytest.raises(ClientError) as tunnel:
            ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=customer["CustomerGatewayId"], VpnGatewayId=gateway,
                                      Options={"StaticRoutesOnly": True,
                                               "TunnelOptions": [{"TunnelInsideCidr": "169.254.10.0/30"}]})
        assert "TunnelOptions.1.TunnelInsideCidr" in tunnel.value.response["Error"]["Message"]

        created = ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=customer["CustomerGatewayId"],
                                            VpnGatewayId=gateway, Options={"StaticRoutesOnly": True})["VpnConnection"]
        connection = created["VpnConnectionId"]
        assert created["State"] == "pending" and created["Options"]["StaticRoutesOnly"] is True
        ec2.get_waiter("vpn_connection_available").wait(VpnConnectionIds=[connection], WaiterConfig=FAST_WAITER)
        held = user_view(stackbridge).listVpnConnections(vpcid=vpc["uuid"], fetch_list=True)
        assert ["vpn-" + hex_of(c["id"]) for c in held] == [connection] and held[0]["state"] == "Connected"
        described = ec2.describe_vpn_connections(
            Filters=[{"Name": "vpn-gateway-id", "Values": [gateway]}])["VpnConnections"]
        assert [(c["VpnConnectionId"], c["State"], c["CustomerGatewayId"]) for c in described] == [
            (connection, "available", customer["CustomerGatewayId"])]
        telemetry = described[0]["VgwTelemetry"]
        assert len(telemetry) == 1 and telemetry[0]["Status"] == "UP"
        assert telemetry[0]["OutsideIpAddress"] == held[0]["publicip"]
        ec2.replace_vpn_tunnel(VpnConnectionId=connection, VpnTunnelOutsideIpAddress=telemetry[0]["OutsideIpAddress"])
        with pytest.raises(ClientError) as route:
            ec2.create_vpn_connection_route(VpnConnectionId=connection, DestinationCidrBlock="192.168.50.0/24")
        assert route.value.response["Error"]["Code"] == "UnsupportedOperation"
        with pytest.raises(ClientError) as unroute:
            ec2.delete_vpn_connection_route(VpnConnectionId=connection, DestinationCidrBlock="198.51.100.50/32")
        assert unroute.value.response["Error"]["Code"] == "UnsupportedOperation"

        ec2.delete_vpn_connection(VpnConnectionId=connection)
        ec2.get_waiter("vpn_connection_deleted").wait(VpnConnectionIds=[connection], WaiterConfig=FAST_WAITER)
        assert user_view(stackbridge).listVpnConnections(vpcid=vpc["uuid"], fetch_list=True) == []
        ec2.delete_customer_gateway(CustomerGatewayId=customer["CustomerGatewayId"])
        ec2.detach_vpn_gateway(VpnGatewayId=gateway, VpcId=vpc["vpc_id"])
        assert user_view(stackbridge).listVpnGateways(vpcid=vpc["uuid"], fetch_list=True) == []


def test_awscli_vpn_connections(stackbridge, tmp_path):
    from cloudstack_vpc import cloudstack_vpc

    aws = awscli(stackbridge, tmp_path)
    ec2 = boto3_client(stackbridge)
    with cloudstack_vpc(stackbridge, gateway=False) as vpc:
        gateway = attached_vpc_gateway(ec2, stackbridge, vpc)
        customer = aws("ec2", "create-customer-gateway", "--type", "ipsec.1", "--public-ip", "198.51.100.51",
                       "--bgp-asn", "65000")["CustomerGateway"]["CustomerGatewayId"]
        connection = aws("ec2", "create-vpn-connection", "--type", "ipsec.1", "--customer-gateway-id", customer,
                         "--vpn-gateway-id", gateway, "--options", "StaticRoutesOnly=true")["VpnConnection"]["VpnConnectionId"]
        aws("ec2", "wait", "vpn-connection-available", "--vpn-connection-ids", connection)
        listed = aws("ec2", "describe-vpn-connections", "--vpn-connection-ids", connection)["VpnConnections"]
        assert [(c["State"], c["VpnGatewayId"]) for c in listed] == [("available", gateway)]
        aws("ec2", "delete-vpn-connection", "--vpn-connection-id", connection)
        aws("ec2", "wait", "vpn-connection-deleted", "--vpn-connection-ids", connection)
        aws("ec2", "delete-customer-gateway", "--customer-gateway-id", customer)
        ec2.detach_vpn_gateway(VpnGatewayId=gateway, VpcId=vpc["vpc_id"])


"""A VPC with subnets made through the bridge (CreateVpc, CreateSubnet) and a private gateway made
through the demo simulator's CloudStack API as the root admin (createPrivateGateway is admin-only in 4.18,
and EC2 has no action for it), for the route, gateway, ACL and VPN tests."""

import contextlib
import itertools

from cs import CloudStack

from ec2_helpers import boto3_client

_counter = itertools.count(1)


def user_view(bridge):
    """CloudStack's API as the demo user the bridge's AWS keys belong to."""
    return CloudStack(endpoint=bridge.simulator_url + "/client/api", key=bridge.access_key, secret=bridge.secret_key,
                      fetch_result=True, poll_interval=0.2, job_timeout=60)


def admin_view(bridge):
    """CloudStack's API as the root admin (createPrivateGateway is admin-only in 4.18)."""
    return CloudStack(endpoint=bridge.simulator_url + "/client/api", key=bridge.admin_key, secret=bridge.admin_secret,
                      fetch_result=True, poll_interval=0.2, job_timeout=60)


def hex_of(uuid):
    return uuid.replace("-", "")


def uuid_of(ec2_id):
    """The CloudStack UUID an EC2 id (`vpc-` + 32 hex digits) carries."""
    h = ec2_id.split("-", 1)[1]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@contextlib.contextmanager
def cloudstack_vpc(bridge, tiers=1, gateway=True):
    """Yields {vpc_id, subnet_ids, local_gateway_id, cidr, uuid}; removes everything afterwards."""
    ec2, admin = boto3_client(bridge), admin_view(bridge)
    number = next(_counter)
    second = 100 + number
    cidr = f"10.{second}.0.0/16"
    vpc_id = ec2.create_vpc(CidrBlock=cidr, TagSpecifications=[
        {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": f"routes{number}"}]}])["Vpc"]["VpcId"]
    subnets = []
    try:
        for index in range(tiers):
            subnets.append(ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.{second}.{index + 1}.0/24")["Subnet"]["SubnetId"])
        private = None
        if gateway:
            private = admin.createPrivateGateway(vpcid=uuid_of(vpc_id), ipaddress=f"192.168.{number}.2",
                                                 gateway=f"192.168.{number}.1", netmask="255.255.255.0",
                                                 vlan=str(number))["privategateway"]
        yield {
            "uuid": uuid_of(vpc_id), "vpc_id": vpc_id, "cidr": cidr,
            "subnet_ids": subnets,
            "tier_uuids": [uuid_of(s) for s in subnets],
            "local_gateway_id": "lgw-" + hex_of(private["id"]) if private else None,
        }
    finally:
        for subnet in subnets:
            ec2.delete_subnet(SubnetId=subnet)
        ec2.delete_vpc(VpcId=vpc_id)

def leftovers(bridge, vpc_uuid):
    """What CloudStack still holds of a VPC: the VPC, its ACL lists, static routes and private gateways."""
    admin = admin_view(bridge)
    return {
        "vpcs": [v["id"] for v in admin.listVPCs(listall=True, fetch_list=True) if v["id"] == vpc_uuid],
        "acls": [a["id"] for a in admin.listNetworkACLLists(listall=True, fetch_list=True) if a.get("vpcid") == vpc_uuid],
        "routes": [r["id"] for r in admin.listStaticRoutes(listall=True, fetch_list=True) if r.get("vpcid") == vpc_uuid],
        "gateways": [g["id"] for g in admin.listPrivateGateways(listall=True, fetch_list=True) if g.get("vpcid") == vpc_uuid],
    }

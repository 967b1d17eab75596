"""A CloudStack VPC with tiers and a private gateway, made through the demo simulator's CloudStack API
(the bridge's route, gateway and ACL actions work on VPCs; creating them is another part of issue 13)."""

import contextlib
import itertools

from cs import CloudStack

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


@contextlib.contextmanager
def cloudstack_vpc(bridge, tiers=1, gateway=True):
    """Yields {vpc_id, subnet_ids, local_gateway_id, cidr, uuid}; removes everything afterwards."""
    user, admin = user_view(bridge), admin_view(bridge)
    number = next(_counter)
    second = 100 + number
    cidr = f"10.{second}.0.0/16"
    zone = next(z for z in user.listZones(fetch_list=True) if z["networktype"] == "Advanced")["id"]
    offering = user.listVPCOfferings(fetch_list=True)[0]["id"]
    tier_offering = user.listNetworkOfferings(forvpc="true", fetch_list=True)[0]["id"]
    vpc = user.createVPC(name=f"routes{number}", displaytext=f"routes{number}", cidr=cidr, vpcofferingid=offering,
                         zoneid=zone, networkdomain="routes.internal")["vpc"]
    networks = []
    try:
        for index in range(tiers):
            networks.append(user.createNetwork(
                name=f"routes{number}-tier{index}", displaytext="tier", networkofferingid=tier_offering, zoneid=zone,
                vpcid=vpc["id"], gateway=f"10.{second}.{index + 1}.1", netmask="255.255.255.0")["network"])
        private = None
        if gateway:
            private = admin.createPrivateGateway(vpcid=vpc["id"], ipaddress=f"192.168.{number}.2",
                                                 gateway=f"192.168.{number}.1", netmask="255.255.255.0",
                                                 vlan=str(number))["privategateway"]
        yield {
            "uuid": vpc["id"], "vpc_id": "vpc-" + hex_of(vpc["id"]), "cidr": cidr,
            "subnet_ids": ["subnet-" + hex_of(n["id"]) for n in networks],
            "tier_uuids": [n["id"] for n in networks],
            "local_gateway_id": "lgw-" + hex_of(private["id"]) if private else None,
        }
    finally:
        for network in networks:
            user.deleteNetwork(id=network["id"])
        user.deleteVPC(id=vpc["id"])


def leftovers(bridge, vpc_uuid):
    """What CloudStack still holds of a VPC: the VPC, its ACL lists, static routes and private gateways."""
    admin = admin_view(bridge)
    return {
        "vpcs": [v["id"] for v in admin.listVPCs(listall=True, fetch_list=True) if v["id"] == vpc_uuid],
        "acls": [a["id"] for a in admin.listNetworkACLLists(listall=True, fetch_list=True) if a.get("vpcid") == vpc_uuid],
        "routes": [r["id"] for r in admin.listStaticRoutes(listall=True, fetch_list=True) if r.get("vpcid") == vpc_uuid],
        "gateways": [g["id"] for g in admin.listPrivateGateways(listall=True, fetch_list=True) if g.get("vpcid") == vpc_uuid],
    }

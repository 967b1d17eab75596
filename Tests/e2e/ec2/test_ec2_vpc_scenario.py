"""Issue #13's networking scenario in one go, with boto3 against the demo bridge:

create a VPC with two subnets and a network ACL with entries on the first subnet, a security group with
rules, launch into the first subnet with a public address (AssociatePublicIpAddress) and a second
instance into the second, move that address between them, add a secondary private IP, check every Describe, then tear it all
down and show, through CloudStack's own admin view of the simulator, that nothing is left.

Security groups live in the zones that have them (decision 0009 §3): the group is the account's, in
the default VPC, and is checked beside the VPC rather than on its instances.
"""

import itertools

import pytest
from botocore.exceptions import ClientError

from cloudstack_vpc import admin_view, uuid_of
from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type

CIDR = "10.77.0.0/16"
TAG = {"Key": "scenario", "Value": "vpc-one-go"}


def tagged(resource_type):
    return [{"ResourceType": resource_type, "Tags": [TAG]}]


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_vpc_subnets_acl_group_launch_addresses_secondary_ip_teardown(stackbridge):
    ec2 = boto3_client(stackbridge)
    admin = admin_view(stackbridge)

    # A VPC with two subnets.
    vpc_id = ec2.create_vpc(CidrBlock=CIDR, TagSpecifications=tagged("vpc"))["Vpc"]["VpcId"]
    ec2.get_waiter("vpc_available").wait(VpcIds=[vpc_id], WaiterConfig=FAST_WAITER)
    subnets = [ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.77.{n}.0/24", TagSpecifications=tagged("subnet"))
               ["Subnet"]["SubnetId"] for n in (1, 2)]
    ec2.get_waiter("subnet_available").wait(SubnetIds=subnets, WaiterConfig=FAST_WAITER)
    described_subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    assert sorted(s["SubnetId"] for s in described_subnets) == sorted(subnets)
    assert {s["CidrBlock"] for s in described_subnets} == {"10.77.1.0/24", "10.77.2.0/24"}
    assert all(TAG in s["Tags"] and s["DefaultForAz"] is False for s in described_subnets)

    # A network ACL with an ingress and an egress entry, on the first subnet.
    # A CloudStack ACL list carries only its name, so only a Name tag is accepted there.
    acl_id = ec2.create_network_acl(VpcId=vpc_id, TagSpecifications=[
        {"ResourceType": "network-acl", "Tags": [{"Key": "Name", "Value": "scenario-acl"}]}])["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(NetworkAclId=acl_id, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False,
                                 CidrBlock="0.0.0.0/0", PortRange={"From": 22, "To": 22})
    ec2.create_network_acl_entry(NetworkAclId=acl_id, RuleNumber=110, Protocol="-1", RuleAction="allow", Egress=True,
                                 CidrBlock="0.0.0.0/0")
    acls = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NetworkAcls"]
    current = next(a for a in acls if any(x["SubnetId"] == subnets[0] for x in a["Associations"]))
    association = next(x for x in current["Associations"] if x["SubnetId"] == subnets[0])
    ec2.replace_network_acl_association(AssociationId=association["NetworkAclAssociationId"], NetworkAclId=acl_id)
    acl = only(ec2.describe_network_acls(NetworkAclIds=[acl_id])["NetworkAcls"])
    assert [x["SubnetId"] for x in acl["Associations"]] == [subnets[0]]
    assert acl["VpcId"] == vpc_id and {"Key": "Name", "Value": "scenario-acl"} in acl["Tags"]
    ours = sorted((e["RuleNumber"], e["Egress"], e["Protocol"], e["RuleAction"]) for e in acl["Entries"]
                  if e["RuleNumber"] in (100, 110))
    assert ours == [(100, False, "6", "allow"), (110, True, "-1", "allow")]

    # A security group with rules (the account's; CloudStack VPCs use ACLs instead).
    group_id = ec2.create_security_group(GroupName="scenario-web", Description="scenario web")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {"IpProtocol": "icmp", "FromPort": 8, "ToPort": 0, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    ec2.get_waiter("security_group_exists").wait(GroupIds=[group_id], WaiterConfig=FAST_WAITER)
    group = only(ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"])
    assert sorted((p["IpProtocol"], p["FromPort"], p["IpRanges"][0]["CidrIp"]) for p in group["IpPermissions"]) == [
        ("icmp", 8, "10.0.0.0/8"), ("tcp", 443, "0.0.0.0/0")]

    # Launch into the first subnet with a public address of its own, and a second instance for an Elastic IP.
    image, size = featured_image(ec2), smallest_type(ec2)
    web = ec2.run_instances(ImageId=image, InstanceType=size, MinCount=1, MaxCount=1, TagSpecifications=tagged("instance"),
                            NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": subnets[0], "AssociatePublicIpAddress": True}]
                            )["Instances"][0]["InstanceId"]
    worker = ec2.run_instances(ImageId=image, InstanceType=size, MinCount=1, MaxCount=1, SubnetId=subnets[1],
                               TagSpecifications=tagged("instance"))["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[web, worker], WaiterConfig=FAST_WAITER)
    # An Elastic IP is acquired for the caller's first isolated network outside a VPC (decision 0009 §9);
    # CloudStack cannot move it into this VPC, which AssociateAddress says, naming where it belongs.
    allocation = ec2.allocate_address(Domain="vpc")
    with pytest.raises(ClientError) as elsewhere:
        ec2.associate_address(AllocationId=allocation["AllocationId"], InstanceId=worker)
    assert elsewhere.value.response["Error"]["Code"] == "InvalidParameterValue"
    assert "cannot move an address between networks" in elsewhere.value.response["Error"]["Message"]
    ec2.release_address(AllocationId=allocation["AllocationId"])
    # The web instance's address is the VPC's own, static-NATed to it: moved to the worker and back.
    web_public = ec2.describe_instances(InstanceIds=[web])["Reservations"][0]["Instances"][0]["PublicIpAddress"]
    web_allocation = only(ec2.describe_addresses(PublicIps=[web_public])["Addresses"])["AllocationId"]
    ec2.associate_address(AllocationId=web_allocation, InstanceId=worker, AllowReassociation=True)

    # A secondary private IP on the web instance's interface.
    instances = {i["InstanceId"]: i for r in ec2.describe_instances(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Reservations"] for i in r["Instances"]}
    assert set(instances) == {web, worker}
    eni_id = instances[web]["NetworkInterfaces"][0]["NetworkInterfaceId"]
    ec2.assign_private_ip_addresses(NetworkInterfaceId=eni_id, SecondaryPrivateIpAddressCount=1)

    # Every Describe agrees.
    instances = {i["InstanceId"]: i for r in ec2.describe_instances(InstanceIds=[web, worker])["Reservations"]
                 for i in r["Instances"]}
    assert instances[web]["SubnetId"] == subnets[0] and instances[worker]["SubnetId"] == subnets[1]
    assert all(i["VpcId"] == vpc_id and TAG in i["Tags"] for i in instances.values())
    assert instances[web]["PrivateIpAddress"].startswith("10.77.1.")
    assert instances[worker]["PrivateIpAddress"].startswith("10.77.2.")
    assert instances[worker]["PublicIpAddress"] == web_public and "PublicIpAddress" not in instances[web]
    ec2.associate_address(AllocationId=web_allocation, InstanceId=web, AllowReassociation=True)
    assert "PublicIpAddress" not in ec2.describe_instances(InstanceIds=[worker])["Reservations"][0]["Instances"][0]
    eni = only(ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"])
    assert eni["SubnetId"] == subnets[0] and eni["VpcId"] == vpc_id and eni["Attachment"]["InstanceId"] == web
    private = [p for p in eni["PrivateIpAddresses"] if not p["Primary"]]
    assert len(private) == 1 and private[0]["PrivateIpAddress"].startswith("10.77.1.")
    assert eni["Association"]["PublicIp"] == web_public
    addresses = {a["PublicIp"]: a for a in ec2.describe_addresses()["Addresses"]}
    assert addresses[web_public]["InstanceId"] == web and allocation["PublicIp"] not in addresses
    route_table = only(ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["RouteTables"])
    assert any(r["DestinationCidrBlock"] == CIDR and r["GatewayId"] == "local" for r in route_table["Routes"])
    gateway = only(ec2.describe_internet_gateways(
        Filters=[{"Name": "attachment.vpc-id", "Values": [vpc_id]}])["InternetGateways"])
    assert gateway["Attachments"] == [{"State": "available", "VpcId": vpc_id}]
    vpc = only(ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"])
    assert vpc["CidrBlock"] == CIDR and vpc["IsDefault"] is False and TAG in vpc["Tags"]
    # A subnet with instances cannot go yet: EC2's DependencyViolation.
    with pytest.raises(ClientError) as busy:
        ec2.delete_subnet(SubnetId=subnets[0])
    assert busy.value.response["Error"]["Code"] == "DependencyViolation"

    # Tear it all down.
    ec2.unassign_private_ip_addresses(NetworkInterfaceId=eni_id, PrivateIpAddresses=[private[0]["PrivateIpAddress"]])
    ec2.terminate_instances(InstanceIds=[web, worker])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[web, worker], WaiterConfig=FAST_WAITER)
    default_acl = next(a for a in ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NetworkAcls"]
                       if a["IsDefault"])
    moved = only(only(ec2.describe_network_acls(NetworkAclIds=[acl_id])["NetworkAcls"])["Associations"])
    ec2.replace_network_acl_association(AssociationId=moved["NetworkAclAssociationId"], NetworkAclId=default_acl["NetworkAclId"])
    ec2.delete_network_acl(NetworkAclId=acl_id)
    ec2.delete_security_group(GroupId=group_id)
    # A terminated instance keeps its NIC in the tier until CloudStack expunges it (expunge.delay), so until
    # then the subnet is in use; the operator's expunge stands in for the delay.
    with pytest.raises(ClientError) as waiting:
        ec2.delete_subnet(SubnetId=subnets[0])
    assert waiting.value.response["Error"]["Code"] == "DependencyViolation"
    for instance_id in (web, worker):
        admin.expungeVirtualMachine(id=uuid_of(instance_id))
    for subnet in subnets:
        ec2.delete_subnet(SubnetId=subnet)
    ec2.delete_vpc(VpcId=vpc_id)

    # Nothing is left in CloudStack: no VPC, tiers, ACL list, VMs, addresses, secondary IPs or group.
    vpc_uuid, tier_uuids = uuid_of(vpc_id), {uuid_of(s) for s in subnets}
    vm_uuids = {uuid_of(web), uuid_of(worker)}
    assert [v for v in admin.listVPCs(listall=True, fetch_list=True) if v["id"] == vpc_uuid] == []
    assert [n for n in admin.listNetworks(listall=True, fetch_list=True) if n["id"] in tier_uuids] == []
    assert [a for a in admin.listNetworkACLLists(listall=True, fetch_list=True) if a.get("vpcid") == vpc_uuid] == []
    assert [g for g in admin.listSecurityGroups(listall=True, fetch_list=True) if g["name"] == "scenario-web"] == []
    public = {allocation["PublicIp"], web_public}
    assert [a for a in admin.listPublicIpAddresses(listall=True, allocatedonly=True, fetch_list=True)
            if a["ipaddress"] in public] == []
    live = [vm for vm in admin.listVirtualMachines(listall=True, fetch_list=True)
            if vm["id"] in vm_uuids and vm["state"] not in ("Destroyed", "Expunging")]
    assert live == []
    assert list(itertools.chain.from_iterable(
        n.get("secondaryip", []) for vm in admin.listVirtualMachines(listall=True, fetch_list=True)
        if vm["id"] in vm_uuids for n in vm.get("nic", []))) == []

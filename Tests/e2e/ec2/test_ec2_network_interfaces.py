"""Network interfaces end to end: boto3 (paginator, waiter, tags), awscli (tags too) and Ansible's amazon.aws.ec2_eni_info.

Every interface is a CloudStack NIC of one of the caller's VMs (`eni-` + the NIC's UUID hex); it is
always `in-use`, secondary IPs are CloudStack's NIC secondary addresses (addIpToNic/removeIpFromNic).
"""

import pytest
from botocore.exceptions import ClientError, WaiterError

from ansible_support import run_tasks
from ec2_helpers import FAST_WAITER, awscli_runner, boto3_client, featured_image, smallest_type

ADVANCED_ZONE = "Sandbox-simulator-advanced"


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def instances(ec2):
    """Three running instances in the advanced zone, terminated at the end."""
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=3, MaxCount=3,
                            Placement={"AvailabilityZone": ADVANCED_ZONE})
    ids = [i["InstanceId"] for i in run["Instances"]]
    ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=FAST_WAITER)
    yield ids
    ec2.terminate_instances(InstanceIds=ids)
    ec2.get_waiter("instance_terminated").wait(InstanceIds=ids, WaiterConfig=FAST_WAITER)


def interface_of(ec2, instance_id):
    described = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    assert len(described["NetworkInterfaces"]) == 1
    return described, described["NetworkInterfaces"][0]


def test_boto3_instances_and_describe_network_interfaces_agree(ec2, instances):
    described, eni = interface_of(ec2, instances[0])
    assert eni["NetworkInterfaceId"].startswith("eni-") and eni["Status"] == "in-use"
    assert eni["SubnetId"] == described["SubnetId"] and eni["VpcId"] == described["VpcId"]
    assert eni["PrivateIpAddress"] == described["PrivateIpAddress"]
    assert eni["Attachment"]["DeviceIndex"] == 0 and eni["Attachment"]["DeleteOnTermination"] is True
    listed = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"]
    assert len(listed) == 1
    assert listed[0]["Attachment"]["InstanceId"] == instances[0]
    assert listed[0]["Attachment"]["AttachmentId"] == eni["Attachment"]["AttachmentId"]
    assert listed[0]["MacAddress"] == eni["MacAddress"] and listed[0]["AvailabilityZone"] == ADVANCED_ZONE
    by_instance = ec2.describe_network_interfaces(
        Filters=[{"Name": "attachment.instance-id", "Values": instances[:2]}])["NetworkInterfaces"]
    assert sorted(i["Attachment"]["InstanceId"] for i in by_instance) == sorted(instances[:2])
    with pytest.raises(ClientError) as missing:
        ec2.describe_network_interfaces(NetworkInterfaceIds=["eni-" + "0" * 31 + "1"])
    assert missing.value.response["Error"]["Code"] == "InvalidNetworkInterfaceID.NotFound"


def test_boto3_paginator_walks_every_interface(ec2, instances):
    everything = {i["NetworkInterfaceId"] for i in ec2.describe_network_interfaces()["NetworkInterfaces"]}
    pages = list(ec2.get_paginator("describe_network_interfaces").paginate(PaginationConfig={"PageSize": 5}))
    paged = [i["NetworkInterfaceId"] for page in pages for i in page["NetworkInterfaces"]]
    assert len(paged) == len(set(paged)) and set(paged) == everything and len(everything) >= 3


def test_boto3_secondary_addresses_attribute_and_refusals(ec2, instances):
    _, eni = interface_of(ec2, instances[1])
    eni_id = eni["NetworkInterfaceId"]
    assigned = ec2.assign_private_ip_addresses(NetworkInterfaceId=eni_id, SecondaryPrivateIpAddressCount=2)
    addresses = [a["PrivateIpAddress"] for a in assigned["AssignedPrivateIpAddresses"]]
    assert len(addresses) == 2
    shown = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"][0]
    assert [a["PrivateIpAddress"] for a in shown["PrivateIpAddresses"]] == [eni["PrivateIpAddress"]] + addresses
    assert [a["Primary"] for a in shown["PrivateIpAddresses"]] == [True, False, False]
    _, again = interface_of(ec2, instances[1])
    assert [a["PrivateIpAddress"] for a in again["PrivateIpAddresses"]] == [eni["PrivateIpAddress"]] + addresses
    ec2.unassign_private_ip_addresses(NetworkInterfaceId=eni_id, PrivateIpAddresses=addresses)
    shown = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"][0]
    assert [a["PrivateIpAddress"] for a in shown["PrivateIpAddresses"]] == [eni["PrivateIpAddress"]]

    attribute = ec2.describe_network_interface_attribute(NetworkInterfaceId=eni_id, Attribute="sourceDestCheck")
    assert attribute["SourceDestCheck"]["Value"] is True
    ec2.reset_network_interface_attribute(NetworkInterfaceId=eni_id, SourceDestCheck="true")
    with pytest.raises(ClientError) as refused:
        ec2.modify_network_interface_attribute(NetworkInterfaceId=eni_id, SourceDestCheck={"Value": False})
    assert refused.value.response["Error"]["Code"] == "UnsupportedOperation"
    with pytest.raises(ClientError) as primary:
        ec2.detach_network_interface(AttachmentId=eni["Attachment"]["AttachmentId"])
    assert primary.value.response["Error"]["Code"] == "OperationNotPermitted"
    for call in (lambda: ec2.create_network_interface(SubnetId=eni["SubnetId"]),
                 lambda: ec2.delete_network_interface(NetworkInterfaceId=eni_id)):
        with pytest.raises(ClientError) as unsupported:
            call()
        assert unsupported.value.response["Error"]["Code"] == "UnsupportedOperation"


def test_boto3_network_interface_available_waiter(ec2, instances):
    """A CloudStack NIC is always attached (`in-use`), so the waiter for `available` cannot succeed;
    for an interface that is not there it stops at once with the waiter's failure state."""
    with pytest.raises(WaiterError) as failed:
        ec2.get_waiter("network_interface_available").wait(
            NetworkInterfaceIds=["eni-" + "0" * 31 + "2"], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
    assert "InvalidNetworkInterfaceID.NotFound" in str(failed.value)
    _, eni = interface_of(ec2, instances[0])
    with pytest.raises(WaiterError) as never:
        ec2.get_waiter("network_interface_available").wait(
            NetworkInterfaceIds=[eni["NetworkInterfaceId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 2})
    assert "Max attempts exceeded" in str(never.value)


def test_boto3_tags_on_a_network_interface(ec2, instances):
    """CreateTags on an ENI (kept as CloudStack NIC details), tag filters, DescribeTags, DeleteTags."""
    _, eni = interface_of(ec2, instances[1])
    eni_id = eni["NetworkInterfaceId"]
    ec2.create_tags(Resources=[eni_id], Tags=[{"Key": "role", "Value": "web"}, {"Key": "team", "Value": ""}])
    ec2.create_tags(Resources=[eni_id], Tags=[{"Key": "role", "Value": "db"}])
    found = ec2.describe_network_interfaces(Filters=[{"Name": "tag:role", "Values": ["db"]}])["NetworkInterfaces"]
    assert [i["NetworkInterfaceId"] for i in found] == [eni_id]
    assert {t["Key"]: t["Value"] for t in found[0]["TagSet"]} == {"role": "db", "team": ""}
    assert ec2.describe_network_interfaces(Filters=[{"Name": "tag:role", "Values": ["web"]}])["NetworkInterfaces"] == []
    tags = ec2.describe_tags(Filters=[{"Name": "resource-type", "Values": ["network-interface"]}])["Tags"]
    assert {(t["ResourceId"], t["Key"], t["ResourceType"]) for t in tags} >= {(eni_id, "role", "network-interface")}
    ec2.delete_tags(Resources=[eni_id], Tags=[{"Key": "role"}, {"Key": "team", "Value": ""}])
    shown = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"][0]
    assert shown.get("TagSet", []) == []
    with pytest.raises(ClientError) as unknown:
        ec2.create_tags(Resources=["eni-" + "0" * 32], Tags=[{"Key": "k", "Value": "v"}])
    assert unknown.value.response["Error"]["Code"] == "InvalidNetworkInterfaceID.NotFound"


def test_boto3_describe_tags_paginator_over_instances_and_interfaces(ec2, instances):
    """DescribeTags pages (PageSize 5) cut from CloudStack's pages: instance tags, then each interface's three tags,
    which split across pages; every tag once, as the unpaginated answer has them, with and without a tag: filter."""
    enis = [interface_of(ec2, instance)[1]["NetworkInterfaceId"] for instance in instances]
    ec2.create_tags(Resources=instances, Tags=[{"Key": "grp", "Value": "paged"}, {"Key": "n", "Value": "1"}])
    ec2.create_tags(Resources=enis, Tags=[{"Key": "grp", "Value": "paged"}, {"Key": "a", "Value": "x"},
                                          {"Key": "b", "Value": ""}])
    try:
        key = lambda t: (t["ResourceId"], t["Key"], t["Value"], t["ResourceType"])
        for filters in ([], [{"Name": "tag:grp", "Values": ["paged"]}]):
            whole = sorted(key(t) for t in ec2.describe_tags(Filters=filters)["Tags"])
            pages = list(ec2.get_paginator("describe_tags").paginate(Filters=filters, PaginationConfig={"PageSize": 5}))
            assert all(len(page["Tags"]) <= 5 for page in pages) and len(pages) >= 3
            assert sorted(key(t) for page in pages for t in page["Tags"]) == whole
            ours = [t for t in whole if t[0] in instances + enis]
            assert len(ours) == 3 * 2 + 3 * 3
            assert {t[3] for t in ours} == {"instance", "network-interface"}
    finally:
        ec2.delete_tags(Resources=instances, Tags=[{"Key": "grp"}, {"Key": "n"}])
        ec2.delete_tags(Resources=enis, Tags=[{"Key": "grp"}, {"Key": "a"}, {"Key": "b"}])


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    return awscli_runner(stackbridge, tmp_path_factory.mktemp("awscli-interfaces"))


def test_awscli_describe_network_interfaces_and_assign_private_ip_addresses(aws, ec2, instances):
    _, eni = interface_of(ec2, instances[2])
    eni_id = eni["NetworkInterfaceId"]
    listed = aws("describe-network-interfaces", "--filters", f"Name=attachment.instance-id,Values={instances[2]}")
    assert [i["NetworkInterfaceId"] for i in listed["NetworkInterfaces"]] == [eni_id]
    prefix = eni["PrivateIpAddress"].rsplit(".", 1)[0]
    chosen = prefix + ".222"
    aws("assign-private-ip-addresses", "--network-interface-id", eni_id, "--private-ip-addresses", chosen)
    shown = aws("describe-network-interfaces", "--network-interface-ids", eni_id)["NetworkInterfaces"][0]
    assert chosen in [a["PrivateIpAddress"] for a in shown["PrivateIpAddresses"]]
    found = aws("describe-network-interfaces", "--filters", f"Name=addresses.private-ip-address,Values={chosen}")
    assert [i["NetworkInterfaceId"] for i in found["NetworkInterfaces"]] == [eni_id]
    aws("unassign-private-ip-addresses", "--network-interface-id", eni_id, "--private-ip-addresses", chosen)


def test_awscli_tags_on_a_network_interface(aws, ec2, instances):
    _, eni = interface_of(ec2, instances[2])
    eni_id = eni["NetworkInterfaceId"]
    aws("create-tags", "--resources", eni_id, "--tags", "Key=stage,Value=prod")
    found = aws("describe-network-interfaces", "--filters", "Name=tag:stage,Values=prod")["NetworkInterfaces"]
    assert [i["NetworkInterfaceId"] for i in found] == [eni_id]
    aws("delete-tags", "--resources", eni_id, "--tags", "Key=stage")
    assert aws("describe-network-interfaces", "--filters", "Name=tag-key,Values=stage")["NetworkInterfaces"] == []


def test_ansible_ec2_eni_info(stackbridge, ec2, instances, tmp_path):
    _, eni = interface_of(ec2, instances[0])
    by_id, by_filter = run_tasks(stackbridge, tmp_path, [
        {"name": "by id", "amazon.aws.ec2_eni_info": {"eni_id": eni["NetworkInterfaceId"]}},
        {"name": "by instance", "amazon.aws.ec2_eni_info": {"filters": {"attachment.instance-id": instances[0]}}},
    ])
    for result in (by_id, by_filter):
        assert result["changed"] is False
        [found] = result["network_interfaces"]
        assert found["id"] == eni["NetworkInterfaceId"] and found["attachment"]["instance_id"] == instances[0]
        assert found["private_ip_address"] == eni["PrivateIpAddress"] and found["status"] == "in-use"

"""Elastic IPs end to end: boto3, awscli, libcloud's EC2 driver and Ansible's amazon.aws.ec2_eip.

Addresses are CloudStack public IPs of the caller's isolated network in the advanced zone; an
association is a static NAT rule, and the instance's public address follows it.
"""

import json
import os
import subprocess
import time
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ansible_support import run_tasks
from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type

ADVANCED_ZONE = "Sandbox-simulator-advanced"


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def launch(ec2):
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                            Placement={"AvailabilityZone": ADVANCED_ZONE})
    instance_id = run["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    return instance_id


@pytest.fixture(scope="module")
def instances(ec2):
    """Two running instances in the advanced zone (one network), terminated at the end."""
    ids = [launch(ec2), launch(ec2)]
    yield ids
    ec2.terminate_instances(InstanceIds=ids)
    ec2.get_waiter("instance_terminated").wait(InstanceIds=ids, WaiterConfig=FAST_WAITER)


def public_ip(ec2, instance_id):
    return ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0].get("PublicIpAddress")


def test_boto3_allocate_associate_reassociate_disassociate_release(ec2, instances):
    first, second = instances
    allocated = ec2.allocate_address(Domain="vpc")
    allocation, ip = allocated["AllocationId"], allocated["PublicIp"]
    assert allocation.startswith("eipalloc-") and allocated["Domain"] == "vpc"
    association = ec2.associate_address(AllocationId=allocation, InstanceId=first)["AssociationId"]
    assert association == "eipassoc-" + allocation[len("eipalloc-"):]
    assert public_ip(ec2, first) == ip
    described = ec2.describe_addresses(AllocationIds=[allocation])["Addresses"][0]
    assert described["InstanceId"] == first and described["AssociationId"] == association
    assert described["NetworkInterfaceId"].startswith("eni-") and described["Domain"] == "vpc"
    by_filter = ec2.describe_addresses(Filters=[{"Name": "association-id", "Values": [association]}])["Addresses"]
    assert [a["PublicIp"] for a in by_filter] == [ip]

    with pytest.raises(ClientError) as refused:
        ec2.associate_address(AllocationId=allocation, InstanceId=second)
    assert refused.value.response["Error"]["Code"] == "Resource.AlreadyAssociated"
    ec2.associate_address(AllocationId=allocation, InstanceId=second, AllowReassociation=True)
    assert public_ip(ec2, second) == ip and public_ip(ec2, first) is None

    with pytest.raises(ClientError) as in_use:
        ec2.release_address(AllocationId=allocation)
    assert in_use.value.response["Error"]["Code"] == "InvalidIPAddress.InUse"
    ec2.disassociate_address(AssociationId=association)
    assert public_ip(ec2, second) is None
    attribute = ec2.describe_addresses_attribute(AllocationIds=[allocation], Attribute="domain-name")["Addresses"]
    assert attribute == [{"PublicIp": ip, "AllocationId": allocation}]
    ec2.release_address(AllocationId=allocation)
    assert allocation not in {a["AllocationId"] for a in ec2.describe_addresses()["Addresses"]}
    with pytest.raises(ClientError) as gone:
        ec2.release_address(AllocationId=allocation)
    assert gone.value.response["Error"]["Code"] == "InvalidAllocationID.NotFound"


def test_boto3_refuses_what_cloudstack_cannot_allocate(ec2):
    with pytest.raises(ClientError) as classic:
        ec2.allocate_address(Domain="standard")
    assert classic.value.response["Error"]["Code"] == "InvalidParameterValue"
    assert "Domain" in classic.value.response["Error"]["Message"]
    with pytest.raises(ClientError) as pool:
        ec2.allocate_address(PublicIpv4Pool="ipv4pool-ec2-1")
    assert pool.value.response["Error"]["Code"] == "UnsupportedOperation"
    assert "PublicIpv4Pool" in pool.value.response["Error"]["Message"]
    assert ec2.can_paginate("describe_addresses") is False  # EC2 has no DescribeAddresses paginator
    pages = list(ec2.get_paginator("describe_addresses_attribute").paginate(Attribute="domain-name",
                                                                            PaginationConfig={"PageSize": 1}))
    assert all(len(page["Addresses"]) <= 1 for page in pages)


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli-addresses") / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
               AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config),
               AWS_SHARED_CREDENTIALS_FILE=str(config), AWS_PAGER="", AWS_CA_BUNDLE=stackbridge.ca_file)

    def run(*args):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    return run


def test_awscli_allocate_associate_describe_disassociate_release(aws, ec2, instances):
    allocated = aws("allocate-address", "--domain", "vpc")
    ip = allocated["PublicIp"]
    aws("associate-address", "--public-ip", ip, "--instance-id", instances[0])
    listed = aws("describe-addresses", "--filters", f"Name=instance-id,Values={instances[0]}")["Addresses"]
    assert [a["PublicIp"] for a in listed] == [ip]
    aws("disassociate-address", "--public-ip", ip)
    aws("release-address", "--public-ip", ip)
    assert ip not in {a["PublicIp"] for a in aws("describe-addresses")["Addresses"]}


@pytest.fixture(scope="module")
def driver(stackbridge):
    url = urlparse(stackbridge.ec2_endpoint)
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    return get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1", host=url.hostname,
                                    port=url.port, secure=True, signature_version="2")


def test_libcloud_allocate_associate_disassociate_release(driver, ec2, instances):
    address = driver.ex_allocate_address(domain="vpc")
    assert address.extra["allocation_id"].startswith("eipalloc-")
    node = next(n for n in driver.list_nodes() if n.id == instances[1])
    association = driver.ex_associate_address_with_node(node, address, domain="vpc")
    assert association.startswith("eipassoc-")
    associated = [a for a in driver.ex_describe_all_addresses(only_associated=True) if a.ip == address.ip]
    assert [a.instance_id for a in associated] == [instances[1]]
    assert public_ip(ec2, instances[1]) == address.ip
    address = next(a for a in driver.ex_describe_all_addresses() if a.ip == address.ip)
    assert driver.ex_disassociate_address(address, domain="vpc")
    assert driver.ex_release_address(address, domain="vpc")
    assert address.ip not in {a.ip for a in driver.ex_describe_all_addresses()}


def test_ansible_ec2_eip_allocate_associate_rerun_release(stackbridge, ec2, instances, tmp_path):
    eip = {"device_id": instances[0], "in_vpc": True, "release_on_disassociation": True}
    created, again = run_tasks(stackbridge, tmp_path, [
        {"name": "associate", "amazon.aws.ec2_eip": eip},
        {"name": "again", "amazon.aws.ec2_eip": eip},
    ])
    assert created["changed"] is True and created["public_ip"]
    assert again["changed"] is False and again["public_ip"] == created["public_ip"]
    assert public_ip(ec2, instances[0]) == created["public_ip"]
    released, gone = run_tasks(stackbridge, tmp_path, [
        {"name": "release", "amazon.aws.ec2_eip": {**eip, "state": "absent"}},
        {"name": "released again", "amazon.aws.ec2_eip": {**eip, "state": "absent"}},
    ])
    assert released["changed"] is True and gone["changed"] is False
    deadline = time.time() + 30
    while public_ip(ec2, instances[0]) is not None:
        assert time.time() < deadline, "the instance kept its public address"
        time.sleep(0.2)
    assert created["public_ip"] not in {a["PublicIp"] for a in ec2.describe_addresses()["Addresses"]}


def test_ansible_ec2_eip_info_by_filter_and_association(stackbridge, ec2, instances, tmp_path):
    allocation = ec2.allocate_address(Domain="vpc")
    association = ec2.associate_address(AllocationId=allocation["AllocationId"], InstanceId=instances[1])["AssociationId"]
    try:
        by_ip, by_instance = run_tasks(stackbridge, tmp_path, [
            {"name": "by ip", "amazon.aws.ec2_eip_info": {"filters": {"public-ip": allocation["PublicIp"]}}},
            {"name": "by instance", "amazon.aws.ec2_eip_info": {"filters": {"instance-id": instances[1]}}},
        ])
        assert not by_ip["changed"]
        assert [(a["allocation_id"], a["instance_id"]) for a in by_ip["addresses"]] == [
            (allocation["AllocationId"], instances[1])]
        assert allocation["PublicIp"] in [a["public_ip"] for a in by_instance["addresses"]]
    finally:
        ec2.disassociate_address(AssociationId=association)
        ec2.release_address(AllocationId=allocation["AllocationId"])

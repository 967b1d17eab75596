"""boto3 against StackBridge's EC2 API: lifecycle with waiters, paginators, DryRun, errors, idempotency."""

import uuid

import pytest
from botocore.exceptions import ClientError

from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type, terminate


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_region_and_zones(ec2, stackbridge):
    regions = ec2.describe_regions()["Regions"]
    assert [r["RegionName"] for r in regions] == [stackbridge.region]
    zones = ec2.describe_availability_zones()["AvailabilityZones"]
    assert zones and all(z["State"] == "available" and z["RegionName"] == stackbridge.region for z in zones)
    attributes = ec2.describe_account_attributes(AttributeNames=["supported-platforms"])["AccountAttributes"]
    assert attributes[0]["AttributeValues"][0]["AttributeValue"] == "VPC"


def test_dry_run_changes_nothing(ec2):
    before = {i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]}
    with pytest.raises(ClientError) as excinfo:
        ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1, DryRun=True)
    assert error_code(excinfo) == "DryRunOperation"
    after = {i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]}
    assert before == after


def test_lifecycle_with_waiters(ec2):
    run = ec2.run_instances(
        ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "e2e-boto3"}]}])
    instance = run["Instances"][0]["InstanceId"]
    assert run["Instances"][0]["State"]["Name"] == "pending"
    try:
        ec2.get_waiter("instance_running").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        described = ec2.describe_instances(Filters=[{"Name": "tag:Name", "Values": ["e2e-boto3"]}])
        assert [i["InstanceId"] for r in described["Reservations"] for i in r["Instances"]] == [instance]
        ec2.stop_instances(InstanceIds=[instance])
        ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        ec2.start_instances(InstanceIds=[instance])
        ec2.get_waiter("instance_running").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        ec2.reboot_instances(InstanceIds=[instance])
        status = ec2.describe_instance_status(InstanceIds=[instance])["InstanceStatuses"]
        assert status and status[0]["InstanceState"]["Name"] == "running"
    finally:
        ec2.terminate_instances(InstanceIds=[instance])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)


def test_paginators_walk_every_instance(ec2):
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=6, MaxCount=6)
    launched = {i["InstanceId"] for i in run["Instances"]}
    try:
        pages = list(ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5}))
        seen = [i["InstanceId"] for page in pages for r in page["Reservations"] for i in r["Instances"]]
        assert len(pages) >= 2
        assert len(seen) == len(set(seen))
        assert launched <= set(seen)
        images = list(ec2.get_paginator("describe_images").paginate(PaginationConfig={"PageSize": 5}))
        assert images and images[0]["Images"]
    finally:
        terminate(ec2, launched)


def test_client_token_makes_run_instances_idempotent(ec2):
    token = str(uuid.uuid4())
    arguments = dict(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1, ClientToken=token)
    first = ec2.run_instances(**arguments)
    try:
        second = ec2.run_instances(**arguments)
        assert [i["InstanceId"] for i in first["Instances"]] == [i["InstanceId"] for i in second["Instances"]]
        assert first["ReservationId"] == second["ReservationId"]
    finally:
        terminate(ec2, [i["InstanceId"] for i in first["Instances"]])


def test_errors_are_ec2_codes(ec2):
    with pytest.raises(ClientError) as excinfo:
        ec2.describe_instances(InstanceIds=["i-" + "0" * 32])
    assert error_code(excinfo) == "InvalidInstanceID.NotFound"
    with pytest.raises(ClientError) as excinfo:
        ec2.describe_instances(InstanceIds=["instance-1"])
    assert error_code(excinfo) == "InvalidInstanceID.Malformed"
    with pytest.raises(ClientError) as excinfo:
        ec2.describe_instances(Filters=[{"Name": "no-such-filter", "Values": ["x"]}])
    assert error_code(excinfo) == "InvalidParameterValue"
    with pytest.raises(ClientError) as excinfo:
        ec2.describe_key_pairs(KeyNames=["no-such-key-" + uuid.uuid4().hex])
    assert error_code(excinfo) == "InvalidKeyPair.NotFound"


def test_key_pairs(ec2):
    name = "e2e-" + uuid.uuid4().hex[:8]
    created = ec2.create_key_pair(KeyName=name)
    assert created["KeyMaterial"].startswith("-----BEGIN")
    try:
        listed = ec2.describe_key_pairs(KeyNames=[name])["KeyPairs"]
        assert [k["KeyName"] for k in listed] == [name]
        with pytest.raises(ClientError) as excinfo:
            ec2.create_key_pair(KeyName=name)
        assert error_code(excinfo) == "InvalidKeyPair.Duplicate"
    finally:
        ec2.delete_key_pair(KeyName=name)
    assert name not in [k["KeyName"] for k in ec2.describe_key_pairs()["KeyPairs"]]


def test_images_and_attributes(ec2):
    image = featured_image(ec2)
    attribute = ec2.describe_image_attribute(ImageId=image, Attribute="launchPermission")
    assert {"Group": "all"} in attribute["LaunchPermissions"]
    assert ec2.describe_images(ImageIds=[image])["Images"][0]["ImageId"] == image


def test_image_from_a_stopped_instance(ec2):
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1)
    instance = run["Instances"][0]["InstanceId"]
    image = None
    try:
        ec2.get_waiter("instance_running").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        # A running instance's image is made from a snapshot of its root volume (test_ec2_snapshots.py).
        running = ec2.create_image(InstanceId=instance, Name="e2e-running-" + uuid.uuid4().hex[:8])["ImageId"]
        assert ec2.describe_images(ImageIds=[running])["Images"][0]["State"] in ("pending", "available")
        ec2.deregister_image(ImageId=running)
        ec2.stop_instances(InstanceIds=[instance])
        ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        image = ec2.create_image(InstanceId=instance, Name="e2e-" + uuid.uuid4().hex[:8], Description="from e2e")["ImageId"]
        ec2.get_waiter("image_available").wait(ImageIds=[image], WaiterConfig=FAST_WAITER)
        mine = ec2.describe_images(Owners=["self"])["Images"]
        assert image in [i["ImageId"] for i in mine]
        ec2.modify_image_attribute(ImageId=image, LaunchPermission={"Add": [{"Group": "all"}]})
        permissions = ec2.describe_image_attribute(ImageId=image, Attribute="launchPermission")["LaunchPermissions"]
        assert {"Group": "all"} in permissions
    finally:
        if image:
            ec2.deregister_image(ImageId=image)
        ec2.terminate_instances(InstanceIds=[instance])

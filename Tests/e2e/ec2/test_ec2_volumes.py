"""Volumes end to end: boto3 waiters and paginator, awscli, libcloud's EC2 driver, launch volumes."""

import json
import os
import subprocess
import time
import uuid
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.drivers.ec2 import EC2NodeLocation, ExEC2AvailabilityZone
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def zone(ec2):
    return ec2.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]


@pytest.fixture(scope="module")
def instance(ec2, zone):
    """One running instance in `zone` for the attach tests, terminated at the end."""
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                            Placement={"AvailabilityZone": zone})
    instance_id = run["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    yield instance_id
    ec2.terminate_instances(InstanceIds=[instance_id])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)


def test_boto3_volume_lifecycle_with_waiters(ec2, zone, instance):
    marker = uuid.uuid4().hex[:8]
    created = ec2.create_volume(AvailabilityZone=zone, Size=2, VolumeType="gp3", TagSpecifications=[
        {"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": f"e2e-{marker}"}]}])
    volume = created["VolumeId"]
    assert created["Size"] == 2 and created["VolumeType"] == "gp3"
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume], WaiterConfig=FAST_WAITER)
    deadline = time.time() + 30
    while not ec2.describe_volumes(Filters=[{"Name": "tag:Name", "Values": [f"e2e-{marker}"]}])["Volumes"]:
        assert time.time() < deadline, "the volume's tag never appeared"
        time.sleep(0.2)
    tagged = ec2.describe_volumes(Filters=[{"Name": "tag:Name", "Values": [f"e2e-{marker}"]}])["Volumes"]
    assert [v["VolumeId"] for v in tagged] == [volume]

    attached = ec2.attach_volume(VolumeId=volume, InstanceId=instance, Device="/dev/sdg")
    assert attached["State"] == "attaching" and attached["Device"] == "/dev/sdg"
    ec2.get_waiter("volume_in_use").wait(VolumeIds=[volume], WaiterConfig=FAST_WAITER)
    deadline = time.time() + 60
    while True:
        attachment = ec2.describe_volumes(VolumeIds=[volume])["Volumes"][0]["Attachments"][0]
        if attachment["State"] == "attached" or time.time() > deadline:
            break
        time.sleep(0.2)
    assert attachment["State"] == "attached" and attachment["InstanceId"] == instance and attachment["Device"] == "/dev/sdg"
    mappings = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["BlockDeviceMappings"]
    assert {m["DeviceName"]: m["Ebs"]["VolumeId"] for m in mappings}.get("/dev/sdg") == volume

    with pytest.raises(ClientError) as excinfo:
        ec2.delete_volume(VolumeId=volume)
    assert excinfo.value.response["Error"]["Code"] == "VolumeInUse"

    modified = ec2.modify_volume(VolumeId=volume, Size=3)["VolumeModification"]
    assert modified["OriginalSize"] == 2 and modified["TargetSize"] == 3
    deadline = time.time() + 60
    while True:
        state = ec2.describe_volumes_modifications(VolumeIds=[volume])["VolumesModifications"][0]["ModificationState"]
        if state in ("completed", "failed") or time.time() > deadline:
            break
        time.sleep(0.2)
    assert state == "completed"
    assert ec2.describe_volumes(VolumeIds=[volume])["Volumes"][0]["Size"] == 3
    with pytest.raises(ClientError) as excinfo:
        ec2.modify_volume(VolumeId=volume, Size=1)
    assert excinfo.value.response["Error"]["Code"] == "InvalidParameterValue"

    status = ec2.describe_volume_status(VolumeIds=[volume])["VolumeStatuses"][0]
    assert status["VolumeStatus"]["Status"] == "ok"
    assert ec2.describe_volume_attribute(VolumeId=volume, Attribute="autoEnableIO")["AutoEnableIO"]["Value"] is False

    ec2.detach_volume(VolumeId=volume, InstanceId=instance)
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume], WaiterConfig=FAST_WAITER)
    ec2.delete_volume(VolumeId=volume)
    ec2.get_waiter("volume_deleted").wait(VolumeIds=[volume], WaiterConfig=FAST_WAITER)
    with pytest.raises(ClientError) as excinfo:
        ec2.describe_volumes(VolumeIds=[volume])
    assert excinfo.value.response["Error"]["Code"] == "InvalidVolume.NotFound"


def test_boto3_create_volume_refuses_encryption_and_retries_with_its_client_token(ec2, zone):
    with pytest.raises(ClientError) as excinfo:
        ec2.create_volume(AvailabilityZone=zone, Size=1, Encrypted=True)
    assert excinfo.value.response["Error"]["Code"] == "UnsupportedOperation"
    assert "Encrypted" in excinfo.value.response["Error"]["Message"]
    token = uuid.uuid4().hex
    first = ec2.create_volume(AvailabilityZone=zone, Size=1, ClientToken=token)["VolumeId"]
    again = ec2.create_volume(AvailabilityZone=zone, Size=1, ClientToken=token)["VolumeId"]
    assert first == again
    ec2.delete_volume(VolumeId=first)


def test_describe_volumes_paginator(ec2, zone):
    marker = uuid.uuid4().hex[:8]
    ids = set()
    for _ in range(7):
        ids.add(ec2.create_volume(AvailabilityZone=zone, Size=1, TagSpecifications=[
            {"ResourceType": "volume", "Tags": [{"Key": "batch", "Value": marker}]}])["VolumeId"])
    try:
        # The tags are CloudStack's createTags job: wait until it has run.
        deadline = time.time() + 30
        while len(ec2.describe_volumes(Filters=[{"Name": "tag:batch", "Values": [marker]}])["Volumes"]) < 7:
            assert time.time() < deadline, "the volumes' tags never appeared"
            time.sleep(0.2)
        pages = list(ec2.get_paginator("describe_volumes").paginate(
            Filters=[{"Name": "tag:batch", "Values": [marker]}], PaginationConfig={"PageSize": 5}))
        assert [len(p["Volumes"]) for p in pages] == [5, 2]
        assert {v["VolumeId"] for p in pages for v in p["Volumes"]} == ids
    finally:
        for volume in ids:
            ec2.delete_volume(VolumeId=volume)


def test_run_instances_with_a_data_volume_deleted_on_termination(ec2, zone):
    run = ec2.run_instances(
        ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
        Placement={"AvailabilityZone": zone},
        BlockDeviceMappings=[{"DeviceName": "/dev/sdh", "Ebs": {"VolumeSize": 1, "VolumeType": "gp2"}}],
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "e2e-launch-volume"}]},
                           {"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "e2e-launch-volume"}]}])
    instance = run["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
    deadline = time.time() + 60
    while True:
        volumes = ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": [instance]}])["Volumes"]
        if len(volumes) == 2 or time.time() > deadline:
            break
        time.sleep(0.2)
    by_device = {v["Attachments"][0]["Device"]: v for v in volumes}
    assert set(by_device) == {"/dev/sda1", "/dev/sdh"}
    data = by_device["/dev/sdh"]
    assert data["Size"] == 1 and data["Attachments"][0]["DeleteOnTermination"] is True
    assert all({"Key": "Name", "Value": "e2e-launch-volume"} in v.get("Tags", []) for v in volumes)
    mappings = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["BlockDeviceMappings"]
    root = next(m for m in mappings if m["DeviceName"] == "/dev/sda1")["Ebs"]["VolumeId"]
    assert ec2.describe_volumes(VolumeIds=[root])["Volumes"][0]["Attachments"][0]["InstanceId"] == instance

    ec2.terminate_instances(InstanceIds=[instance])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
    ec2.get_waiter("volume_deleted").wait(VolumeIds=[data["VolumeId"]], WaiterConfig=FAST_WAITER)
    listed = {v["VolumeId"] for v in ec2.describe_volumes()["Volumes"]}
    assert data["VolumeId"] not in listed and root not in listed


def test_run_instances_refuses_block_device_members_it_cannot_honour(ec2):
    with pytest.raises(ClientError) as excinfo:
        ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                          BlockDeviceMappings=[{"DeviceName": "/dev/sdh", "Ebs": {"VolumeSize": 1, "Encrypted": True}}])
    assert excinfo.value.response["Error"]["Code"] == "UnsupportedOperation"
    assert "BlockDeviceMapping.1.Ebs.Encrypted" in excinfo.value.response["Error"]["Message"]


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli-volumes") / "config"
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


def test_awscli_create_attach_detach_modify_delete(aws, zone, instance):
    volume = aws("create-volume", "--availability-zone", zone, "--size", "1")["VolumeId"]
    aws("wait", "volume-available", "--volume-ids", volume)
    assert aws("attach-volume", "--volume-id", volume, "--instance-id", instance, "--device", "xvdi")["State"] == "attaching"
    aws("wait", "volume-in-use", "--volume-ids", volume)
    described = aws("describe-volumes", "--filters", "Name=attachment.device,Values=/dev/xvdi")["Volumes"]
    assert [v["VolumeId"] for v in described] == [volume]
    modification = aws("modify-volume", "--volume-id", volume, "--size", "2")["VolumeModification"]
    assert modification["TargetSize"] == 2
    aws("detach-volume", "--volume-id", volume)
    aws("wait", "volume-available", "--volume-ids", volume)
    assert aws("describe-volumes", "--volume-ids", volume)["Volumes"][0]["Size"] == 2
    aws("delete-volume", "--volume-id", volume)
    aws("wait", "volume-deleted", "--volume-ids", volume)


@pytest.fixture(scope="module")
def driver(stackbridge):
    url = urlparse(stackbridge.ec2_endpoint)
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    return get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1", host=url.hostname,
                                    port=url.port, secure=True, signature_version="2")


def wait_for_volume(ec2, volume, state):
    deadline = time.time() + 60
    while time.time() < deadline:
        described = ec2.describe_volumes(VolumeIds=[volume])["Volumes"][0]
        attachments = described.get("Attachments", [])
        if described["State"] == state and all(a["State"] == "attached" for a in attachments):
            return described
        time.sleep(0.2)
    raise AssertionError(f"{volume} did not reach {state}")


def test_libcloud_attach_detach_list_destroy(driver, ec2, zone, instance):
    volume_id = ec2.create_volume(AvailabilityZone=zone, Size=1)["VolumeId"]
    wait_for_volume(ec2, volume_id, "available")
    volume = next(v for v in driver.list_volumes() if v.id == volume_id)
    assert volume.size == 1
    node = next(n for n in driver.list_nodes() if n.id == instance)
    assert driver.attach_volume(node, volume, "/dev/sdj")
    wait_for_volume(ec2, volume_id, "in-use")
    assert [v.id for v in driver.list_volumes(node=node) if v.id == volume_id] == [volume_id]
    assert driver.detach_volume(volume)
    wait_for_volume(ec2, volume_id, "available")
    assert driver.destroy_volume(volume)
    assert volume_id not in {v.id for v in driver.list_volumes()}


def test_libcloud_create_volume(driver, ec2, zone):
    """libcloud's create_volume tags the new volume with its name (CreateTags) right after creating it."""
    # libcloud lists only the zones of the AWS region it was given; name the bridge's zone directly.
    location = EC2NodeLocation(id=zone, name=zone, country="", driver=driver,
                               availability_zone=ExEC2AvailabilityZone(zone, "available", "us-east-1"))
    volume = driver.create_volume(1, "e2e-libcloud", location=location, ex_volume_type="gp2")
    assert volume.size == 1 and volume.name == "e2e-libcloud"
    wait_for_volume(ec2, volume.id, "available")
    assert driver.destroy_volume(volume)

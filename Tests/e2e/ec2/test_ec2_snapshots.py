"""Snapshots and images from running instances end to end: boto3 waiters and paginator, awscli, libcloud."""

import json
import os
import subprocess
import time
import uuid
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.base import StorageVolume
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def instance(ec2):
    """One running instance for the module, terminated at the end."""
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1)
    instance_id = run["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    yield instance_id
    ec2.terminate_instances(InstanceIds=[instance_id])


def root_volume(ec2, instance_id):
    described = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    return described["BlockDeviceMappings"][0]["Ebs"]["VolumeId"]


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_snapshot_waiter_paginator_and_delete(ec2, instance):
    volume = root_volume(ec2, instance)
    created = [
        ec2.create_snapshot(
            VolumeId=volume, Description=f"e2e {n}",
            TagSpecifications=[{"ResourceType": "snapshot", "Tags": [{"Key": "e2e", "Value": "boto3"}]}])
        for n in range(6)
    ]
    ids = [c["SnapshotId"] for c in created]
    # The answer is read back after the snapshot's tag job (waited for, so the tags show at once); the
    # demo's 200 ms snapshot job may have ended by then, a real one (minutes) never has.
    assert all(c["State"] in ("pending", "completed") and c["VolumeId"] == volume for c in created), created
    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=ids, WaiterConfig=FAST_WAITER)
    pages = ec2.get_paginator("describe_snapshots").paginate(OwnerIds=["self"], PaginationConfig={"PageSize": 5})
    listed = [s["SnapshotId"] for page in pages for s in page["Snapshots"]]
    assert set(ids) <= set(listed) and len(listed) == len(set(listed))
    tagged = ec2.describe_snapshots(Filters=[{"Name": "tag:e2e", "Values": ["boto3"]}, {"Name": "status", "Values": ["completed"]}])
    assert {s["SnapshotId"] for s in tagged["Snapshots"]} == set(ids)
    attribute = ec2.describe_snapshot_attribute(SnapshotId=ids[0], Attribute="createVolumePermission")
    assert attribute["CreateVolumePermissions"] == []
    with pytest.raises(ClientError) as excinfo:
        ec2.modify_snapshot_attribute(SnapshotId=ids[0], Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])
    assert error_code(excinfo) == "UnsupportedOperation"
    for snapshot in ids:
        ec2.delete_snapshot(SnapshotId=snapshot)
    # EC2 stops listing deleted snapshots at once; asked for by id, the answer is empty.
    assert ec2.describe_snapshots(SnapshotIds=ids)["Snapshots"] == []
    assert not set(ids) & {s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]}


def test_image_of_a_running_instance(ec2, instance):
    name = f"e2e-image-{uuid.uuid4().hex[:8]}"
    image = ec2.create_image(
        InstanceId=instance, Name=name, Description="from a running instance",
        TagSpecifications=[{"ResourceType": "image", "Tags": [{"Key": "role", "Value": "web"}]},
                           {"ResourceType": "snapshot", "Tags": [{"Key": "role", "Value": "web-root"}]}])["ImageId"]
    with pytest.raises(ClientError) as excinfo:
        ec2.create_image(InstanceId=instance, Name=name)
    assert error_code(excinfo) == "InvalidAMIName.Duplicate"
    ec2.get_waiter("image_available").wait(ImageIds=[image], WaiterConfig=FAST_WAITER)
    described = ec2.describe_images(ImageIds=[image])["Images"][0]
    assert described["State"] == "available" and described["Name"] == name
    assert {t["Key"]: t["Value"] for t in described["Tags"]} == {"role": "web"}
    snapshot = described["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"]
    assert snapshot == "snap-" + image[len("ami-"):]
    with pytest.raises(ClientError) as excinfo:
        ec2.delete_snapshot(SnapshotId=snapshot)
    assert error_code(excinfo) == "InvalidSnapshot.InUse"
    ec2.modify_image_attribute(ImageId=image, Description={"Value": "renamed"})
    assert ec2.describe_image_attribute(ImageId=image, Attribute="description")["Description"]["Value"] == "renamed"
    ec2.reset_image_attribute(ImageId=image, Attribute="launchPermission")
    # Registered again from its snapshot.
    again = ec2.register_image(
        Name=name + "-again", RootDeviceName="/dev/sda1",
        BlockDeviceMappings=[{"DeviceName": "/dev/sda1", "Ebs": {"SnapshotId": snapshot}}])["ImageId"]
    ec2.get_waiter("image_available").wait(ImageIds=[again], WaiterConfig=FAST_WAITER)
    assert ec2.describe_images(ImageIds=[again])["Images"][0]["BlockDeviceMappings"][0]["Ebs"]["SnapshotId"] == snapshot
    for each in (again, image):
        ec2.deregister_image(ImageId=each)
        assert ec2.describe_images(ImageIds=[each])["Images"] == []
    deadline = time.time() + 30
    while True:
        try:
            ec2.delete_snapshot(SnapshotId=snapshot)
            break
        except ClientError as error:
            # The templates' delete jobs may still be running.
            assert error.response["Error"]["Code"] == "InvalidSnapshot.InUse" and time.time() < deadline
            time.sleep(0.5)


def test_awscli_snapshots(stackbridge, tmp_path, ec2, instance):
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
        AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(config),
        AWS_PAGER="")
    if stackbridge.ec2_endpoint.startswith("https"):
        env["AWS_CA_BUNDLE"] = stackbridge.ca_file

    def aws(*args):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                                capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    volume = root_volume(ec2, instance)
    snapshot = aws("create-snapshot", "--volume-id", volume, "--description", "e2e cli")["SnapshotId"]
    aws("wait", "snapshot-completed", "--snapshot-ids", snapshot)
    listed = aws("describe-snapshots", "--owner-ids", "self", "--filters", "Name=description,Values=e2e cli")["Snapshots"]
    assert [s["SnapshotId"] for s in listed] == [snapshot]
    made = aws("create-snapshots", "--instance-specification", f"InstanceId={instance},ExcludeBootVolume=false")["Snapshots"]
    assert made and made[0]["VolumeId"] == volume
    aws("wait", "snapshot-completed", "--snapshot-ids", snapshot, *[s["SnapshotId"] for s in made])
    for each in [snapshot] + [s["SnapshotId"] for s in made]:
        aws("delete-snapshot", "--snapshot-id", each)


def test_libcloud_snapshots_and_image(stackbridge, ec2, instance):
    url = urlparse(stackbridge.ec2_endpoint)
    secure = url.scheme == "https"
    if secure:
        libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1", host=url.hostname,
                                      port=url.port, secure=secure, signature_version="2")
    volume = StorageVolume(id=root_volume(ec2, instance), name=None, size=0, driver=driver)
    # Without a name: libcloud would then tag the snapshot Name=<name> with CreateTags.
    snapshot = driver.create_volume_snapshot(volume)
    assert snapshot.id.startswith("snap-")
    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=[snapshot.id], WaiterConfig=FAST_WAITER)
    assert snapshot.id in [s.id for s in driver.list_snapshots()]
    assert snapshot.id in [s.id for s in driver.list_volume_snapshots(volume)]
    assert driver.destroy_volume_snapshot(snapshot)
    node = [n for n in driver.list_nodes() if n.id == instance][0]
    image = driver.create_image(node, name=f"e2e-libcloud-{uuid.uuid4().hex[:8]}")
    ec2.get_waiter("image_available").wait(ImageIds=[image.id], WaiterConfig=FAST_WAITER)
    assert driver.delete_image(image)

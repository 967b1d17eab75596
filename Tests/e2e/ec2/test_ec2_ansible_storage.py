"""Ansible's amazon.aws volume, snapshot, tag and image modules against the bridge (issue #12), each run
a second time with nothing to change (`changed: false`)."""

import pytest
from botocore.exceptions import ClientError

from ansible_support import run_task, run_tasks
from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type


def running_instance(ec2):
    launched = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1,
                                 MaxCount=1)["Instances"][0]["InstanceId"]
    ec2.get_waiter("instance_running").wait(InstanceIds=[launched], WaiterConfig=FAST_WAITER)
    zone = ec2.describe_instances(InstanceIds=[launched])["Reservations"][0]["Instances"][0]["Placement"]["AvailabilityZone"]
    return launched, zone


def test_ec2_vol_and_ec2_snapshot_create_attach_rerun_delete(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    instance, zone = running_instance(ec2)
    volume_task = {"amazon.aws.ec2_vol": {"name": "ansible-data", "zone": zone, "volume_size": 2, "volume_type": "gp3",
                                          "instance": instance, "device_name": "/dev/sdf", "tags": {"role": "data"}}}
    created, again = run_tasks(stackbridge, tmp_path, [volume_task, volume_task])
    assert created["changed"], created
    volume = created["volume_id"]
    assert not again["changed"], again
    assert again["volume_id"] == volume
    described = ec2.describe_volumes(VolumeIds=[volume])["Volumes"][0]
    assert described["Size"] == 2 and {"Key": "role", "Value": "data"} in described["Tags"]
    assert described["Attachments"][0]["InstanceId"] == instance

    snapshot_task = {"amazon.aws.ec2_snapshot": {"volume_id": volume, "description": "ansible nightly",
                                                 "snapshot_tags": {"Name": "ansible-snap"}, "wait": True,
                                                 "wait_timeout": 120}}
    snapped = run_task(stackbridge, tmp_path, "amazon.aws.ec2_snapshot", snapshot_task["amazon.aws.ec2_snapshot"])
    assert snapped["changed"], snapped
    snapshot = snapped["snapshot_id"]
    shown = ec2.describe_snapshots(SnapshotIds=[snapshot])["Snapshots"][0]
    assert shown["State"] == "completed" and shown["VolumeId"] == volume
    removed, gone = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_snapshot": {"snapshot_id": snapshot, "state": "absent"}},
        {"amazon.aws.ec2_snapshot": {"snapshot_id": snapshot, "state": "absent"}},
    ])
    assert removed["changed"] and not gone["changed"], (removed, gone)

    detached = run_task(stackbridge, tmp_path, "amazon.aws.ec2_vol", {"id": volume, "instance": "None"})
    assert detached["changed"], detached
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume], WaiterConfig=FAST_WAITER)
    deleted, absent = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vol": {"id": volume, "state": "absent"}},
        {"amazon.aws.ec2_vol": {"id": volume, "state": "absent"}},
    ])
    assert deleted["changed"] and not absent["changed"], (deleted, absent)
    ec2.terminate_instances(InstanceIds=[instance])


def test_ec2_tag_and_ec2_tag_info(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    instance, _ = running_instance(ec2)
    tags = {"env": "prod <&>", "owner": "\u00e9quipe", "empty": ""}
    tagged, again, info = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_tag": {"resource": instance, "tags": tags}},
        {"amazon.aws.ec2_tag": {"resource": instance, "tags": tags}},
        {"amazon.aws.ec2_tag_info": {"resource": instance}},
    ])
    assert tagged["changed"] and not again["changed"], (tagged, again)
    assert info["tags"] == tags
    removed, unchanged = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_tag": {"resource": instance, "tags": {"env": "prod <&>"}, "state": "absent"}},
        {"amazon.aws.ec2_tag": {"resource": instance, "tags": {"env": "prod <&>"}, "state": "absent"}},
    ])
    assert removed["changed"] and not unchanged["changed"], (removed, unchanged)
    left = {t["Key"]: t["Value"] for t in ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [instance]}])["Tags"]}
    assert left == {"owner": "\u00e9quipe", "empty": ""}
    ec2.terminate_instances(InstanceIds=[instance])


def test_ec2_ami_from_a_running_instance_then_deleted(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    instance, _ = running_instance(ec2)
    image_task = {"amazon.aws.ec2_ami": {"instance_id": instance, "name": "ansible-image", "description": "made by ec2_ami",
                                         "tags": {"built-by": "ansible"}, "wait": True, "wait_timeout": 300}}
    created = run_task(stackbridge, tmp_path, "amazon.aws.ec2_ami", image_task["amazon.aws.ec2_ami"])
    assert created["changed"], created
    image = created["image_id"]
    # ec2_ami creates from an instance without looking for the name first: EC2 refuses the name in use
    # (issue #12: StackBridge used to make a second image), and so does the bridge.
    again = run_task(stackbridge, tmp_path, "amazon.aws.ec2_ami", image_task["amazon.aws.ec2_ami"], ignore_errors=True)
    assert again["failed"] and "Failed to create image" in again["msg"], again
    with pytest.raises(ClientError) as refused:
        ec2.create_image(InstanceId=instance, Name="ansible-image")
    assert refused.value.response["Error"]["Code"] == "InvalidAMIName.Duplicate"
    assert [i["ImageId"] for i in ec2.describe_images(Owners=["self"])["Images"] if i["Name"] == "ansible-image"] == [image]
    shown = ec2.describe_images(ImageIds=[image])["Images"][0]
    assert shown["State"] == "available" and {"Key": "built-by", "Value": "ansible"} in shown["Tags"]
    deleted = run_task(stackbridge, tmp_path, "amazon.aws.ec2_ami",
                       {"image_id": image, "state": "absent", "delete_snapshot": True, "wait": True})
    assert deleted["changed"], deleted
    assert ec2.describe_images(ImageIds=[image])["Images"] == []
    ec2.terminate_instances(InstanceIds=[instance])

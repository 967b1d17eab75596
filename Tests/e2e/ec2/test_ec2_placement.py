"""Placement groups end to end: Ansible's amazon.aws.ec2_placement_group (+ _info), and boto3
launching into one and moving a stopped instance to another (CloudStack affinity groups)."""

import pytest
from botocore.exceptions import ClientError

from ansible_support import run_tasks
from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type

ADVANCED_ZONE = "Sandbox-simulator-advanced"


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def test_ansible_ec2_placement_group_create_rerun_info_delete(stackbridge, ec2, tmp_path):
    group = {"name": "ansible-spread", "strategy": "spread"}
    created, again, info = run_tasks(stackbridge, tmp_path, [
        {"name": "create", "amazon.aws.ec2_placement_group": group},
        {"name": "again", "amazon.aws.ec2_placement_group": group},
        {"name": "info", "amazon.aws.ec2_placement_group_info": {"names": ["ansible-spread"]}},
    ])
    assert created["changed"] is True and again["changed"] is False
    assert [(g["name"], g["strategy"]) for g in info["placement_groups"]] == [("ansible-spread", "spread")]
    assert [g["GroupName"] for g in ec2.describe_placement_groups(GroupNames=["ansible-spread"])["PlacementGroups"]] == [
        "ansible-spread"]
    deleted, gone = run_tasks(stackbridge, tmp_path, [
        {"name": "delete", "amazon.aws.ec2_placement_group": {**group, "state": "absent"}},
        {"name": "delete again", "amazon.aws.ec2_placement_group": {**group, "state": "absent"}},
    ])
    assert deleted["changed"] is True and gone["changed"] is False
    assert "ansible-spread" not in {g["GroupName"] for g in ec2.describe_placement_groups()["PlacementGroups"]}


def test_boto3_launch_into_a_placement_group_and_move_when_stopped(ec2):
    ec2.create_placement_group(GroupName="e2e-spread", Strategy="spread")
    ec2.create_placement_group(GroupName="e2e-cluster", Strategy="cluster")
    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                            Placement={"AvailabilityZone": ADVANCED_ZONE, "GroupName": "e2e-spread"})
    instance_id = run["Instances"][0]["InstanceId"]
    assert run["Instances"][0]["Placement"]["GroupName"] == "e2e-spread"
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    with pytest.raises(ClientError) as running:
        ec2.modify_instance_placement(InstanceId=instance_id, GroupName="e2e-cluster")
    assert running.value.response["Error"]["Code"] == "IncorrectInstanceState"
    ec2.stop_instances(InstanceIds=[instance_id])
    ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    assert ec2.modify_instance_placement(InstanceId=instance_id, GroupName="e2e-cluster")["Return"] is True
    shown = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    assert shown["Placement"]["GroupName"] == "e2e-cluster"
    with pytest.raises(ClientError) as unknown:
        ec2.run_instances(ImageId=featured_image(ec2), MinCount=1, MaxCount=1, Placement={"GroupName": "no-such-group"})
    assert unknown.value.response["Error"]["Code"] == "InvalidPlacementGroup.Unknown"
    ec2.terminate_instances(InstanceIds=[instance_id])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    ec2.delete_placement_group(GroupName="e2e-spread")
    # A terminated instance stays in its CloudStack affinity group until CloudStack expunges it
    # (its expunge delay), so until then its placement group is in use (EC2 frees it at termination).
    with pytest.raises(ClientError) as in_use:
        ec2.delete_placement_group(GroupName="e2e-cluster")
    assert in_use.value.response["Error"]["Code"] == "InvalidPlacementGroup.InUse"

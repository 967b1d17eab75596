"""Ansible's ec2_instance placed by the network model (issue #13): with no `vpc_subnet_id` it asks DescribeVpcs for
the default VPC and DescribeSubnets for its default subnet; with `vpc_subnet_id` and `security_groups` the instance
lands in that subnet with those groups."""

import pytest
from botocore.exceptions import ClientError

from ansible_support import run_tasks
from cloudstack_vpc import admin_view
from ec2_helpers import FAST_WAITER, boto3_client, featured_image


def uuid_of(ec2_id):
    """The CloudStack UUID an EC2 id carries (`i-` + the UUID's hex)."""
    h = ec2_id.split("-", 1)[1]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def test_ec2_instance_without_a_subnet_lands_in_the_default_vpcs_default_subnet(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    [vpc] = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    defaults = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
    assert defaults and {s["VpcId"] for s in defaults} == {vpc["VpcId"]}
    args = {"name": "ansible-default-net", "image_id": featured_image(ec2), "instance_type": "t3.micro",
            "wait": True, "wait_timeout": 120}
    launched, again, removed = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_instance": args},
        {"amazon.aws.ec2_instance": args},
        {"amazon.aws.ec2_instance": dict(args, state="absent")},
    ])
    assert launched["changed"]
    [instance] = launched["instances"]
    assert instance["vpc_id"] == vpc["VpcId"]
    assert instance["subnet_id"] in {s["SubnetId"] for s in defaults}
    assert not again["changed"], again
    assert removed["changed"] and removed["terminate_success"] == [instance["instance_id"]]


def test_ec2_instance_with_a_subnet_and_security_groups_lands_there_with_them(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    # The basic zone's shared network has security groups: its default subnet.
    [subnet] = [s for s in ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
                if "basic" in s["AvailabilityZone"]]
    web = ec2.create_security_group(GroupName="ansible-net-web", Description="web")["GroupId"]
    try:
        args = {"name": "ansible-in-subnet", "image_id": featured_image(ec2), "instance_type": "t3.micro",
                "vpc_subnet_id": subnet["SubnetId"], "security_groups": ["ansible-net-web"], "wait": True, "wait_timeout": 120}
        launched, again = run_tasks(stackbridge, tmp_path, [{"amazon.aws.ec2_instance": args}, {"amazon.aws.ec2_instance": args}])
        assert launched["changed"]
        [instance] = launched["instances"]
        described = ec2.describe_instances(InstanceIds=[instance["instance_id"]])["Reservations"][0]["Instances"][0]
        assert described["SubnetId"] == subnet["SubnetId"]
        assert {g["GroupId"] for g in described["SecurityGroups"]} == {web}
        assert not again["changed"], again
        [removed] = run_tasks(stackbridge, tmp_path, [{"amazon.aws.ec2_instance": dict(args, state="absent")}])
        assert removed["changed"]
        ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance["instance_id"]], WaiterConfig=FAST_WAITER)
        # A terminated instance keeps its CloudStack security groups until CloudStack expunges it (its expunge
        # delay), so until then the group is in use (EC2 frees it at termination); an operator's expunge frees it.
        with pytest.raises(ClientError) as in_use:
            ec2.delete_security_group(GroupId=web)
        assert in_use.value.response["Error"]["Code"] == "DependencyViolation"
        admin_view(stackbridge).expungeVirtualMachine(id=uuid_of(instance["instance_id"]))
    finally:
        ec2.delete_security_group(GroupId=web)

"""The issue 13 modify actions end to end, each checked against what CloudStack holds afterwards:
ModifyInstanceAttribute `Groups` and `SourceDestCheck` (boto3, awscli), ModifySecurityGroupRules (boto3),
ModifySubnetAttribute (boto3, awscli)."""

import pytest
from botocore.exceptions import ClientError

from cloudstack_vpc import admin_view, cloudstack_vpc, user_view, uuid_of
from ec2_helpers import FAST_WAITER, awscli_runner, boto3_client, featured_image, smallest_type


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def error_of(excinfo):
    return excinfo.value.response["Error"]["Code"], excinfo.value.response["Error"]["Message"]


def cloudstack_groups(bridge, instance_id):
    vm = user_view(bridge).listVirtualMachines(id=uuid_of(instance_id), fetch_list=True)
    assert len(vm) == 1, vm
    return sorted(group["id"] for group in vm[0].get("securitygroup", []))


def test_boto3_and_awscli_change_a_stopped_instances_groups(ec2, stackbridge, tmp_path):
    first = ec2.create_security_group(GroupName="e2e-modify-a", Description="a")["GroupId"]
    second = ec2.create_security_group(GroupName="e2e-modify-b", Description="b")["GroupId"]
    instance = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                                 SecurityGroupIds=[first])["Instances"][0]["InstanceId"]
    try:
        ec2.get_waiter("instance_running").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        assert cloudstack_groups(stackbridge, instance) == [uuid_of(first)]
        with pytest.raises(ClientError) as running:
            ec2.modify_instance_attribute(InstanceId=instance, Groups=[second])
        assert error_of(running)[0] == "IncorrectInstanceState"
        ec2.modify_instance_attribute(InstanceId=instance, SourceDestCheck={"Value": True})
        with pytest.raises(ClientError) as check:
            ec2.modify_instance_attribute(InstanceId=instance, SourceDestCheck={"Value": False})
        assert error_of(check)[0] == "UnsupportedOperation" and "sourceDestCheck" in error_of(check)[1]

        ec2.stop_instances(InstanceIds=[instance])
        ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
        ec2.modify_instance_attribute(InstanceId=instance, Groups=[second])
        assert cloudstack_groups(stackbridge, instance) == [uuid_of(second)]
        shown = ec2.describe_instance_attribute(InstanceId=instance, Attribute="groupSet")["Groups"]
        assert [g["GroupId"] for g in shown] == [second]
        described = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
        assert [g["GroupId"] for g in described["SecurityGroups"]] == [second]

        aws = awscli_runner(stackbridge, tmp_path)
        aws("modify-instance-attribute", "--instance-id", instance, "--groups", first, second)
        assert cloudstack_groups(stackbridge, instance) == sorted([uuid_of(first), uuid_of(second)])
        attribute = aws("describe-instance-attribute", "--instance-id", instance, "--attribute", "groupSet")
        assert sorted(g["GroupId"] for g in attribute["Groups"]) == sorted([first, second])
        aws("modify-instance-attribute", "--instance-id", instance, "--source-dest-check")
    finally:
        ec2.terminate_instances(InstanceIds=[instance])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[instance], WaiterConfig=FAST_WAITER)
    # CloudStack keeps a terminated instance's groups until it expunges the VM (test_ec2_ansible_networking).
    admin_view(stackbridge).expungeVirtualMachine(id=uuid_of(instance))
    ec2.delete_security_group(GroupId=first)
    ec2.delete_security_group(GroupId=second)


def test_boto3_modify_security_group_rules_replaces_the_rule(ec2, stackbridge):
    group = ec2.create_security_group(GroupName="e2e-modify-rules", Description="rules")["GroupId"]
    try:
        rule = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])[
            "SecurityGroupRules"][0]["SecurityGroupRuleId"]
        answer = ec2.modify_security_group_rules(GroupId=group, SecurityGroupRules=[{
            "SecurityGroupRuleId": rule,
            "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIpv4": "192.168.0.0/16"}}])
        assert answer["Return"] is True
        rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
        assert [(r["IpProtocol"], r["FromPort"], r["ToPort"], r["CidrIpv4"], r["IsEgress"]) for r in rules] == [
            ("tcp", 443, 443, "192.168.0.0/16", False)]
        assert rules[0]["SecurityGroupRuleId"] != rule
        held = user_view(stackbridge).listSecurityGroups(id=uuid_of(group), fetch_list=True)[0]["ingressrule"]
        assert [(r["protocol"], r["startport"], r["endport"], r["cidr"]) for r in held] == [
            ("tcp", 443, 443, "192.168.0.0/16")]

        with pytest.raises(ClientError) as described:
            ec2.modify_security_group_rules(GroupId=group, SecurityGroupRules=[{
                "SecurityGroupRuleId": rules[0]["SecurityGroupRuleId"],
                "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIpv4": "192.168.0.0/16",
                                      "Description": "https"}}])
        assert error_of(described)[0] == "InvalidParameterValue" and "Description" in error_of(described)[1]
        with pytest.raises(ClientError) as missing:
            ec2.modify_security_group_rules(GroupId=group, SecurityGroupRules=[{
                "SecurityGroupRuleId": rule,
                "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIpv4": "0.0.0.0/0"}}])
        assert "NotFound" in error_of(missing)[0]
        after = user_view(stackbridge).listSecurityGroups(id=uuid_of(group), fetch_list=True)[0]["ingressrule"]
        assert [(r["startport"], r["cidr"]) for r in after] == [(443, "192.168.0.0/16")]
    finally:
        ec2.delete_security_group(GroupId=group)


def test_boto3_and_awscli_modify_subnet_attribute(ec2, stackbridge, tmp_path):
    with cloudstack_vpc(stackbridge, gateway=False) as vpc:
        subnet = vpc["subnet_ids"][0]
        ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": False})
        with pytest.raises(ClientError) as public:
            ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
        assert error_of(public)[0] == "UnsupportedOperation" and "MapPublicIpOnLaunch" in error_of(public)[1]
        with pytest.raises(ClientError) as pool:
            ec2.modify_subnet_attribute(SubnetId=subnet, CustomerOwnedIpv4Pool="ipv4pool-coip-1")
        assert error_of(pool)[0] == "UnsupportedOperation" and "CustomerOwnedIpv4Pool" in error_of(pool)[1]
        with pytest.raises(ClientError) as unknown:
            ec2.modify_subnet_attribute(SubnetId="subnet-" + "f" * 32, MapPublicIpOnLaunch={"Value": False})
        assert error_of(unknown)[0] == "InvalidSubnetID.NotFound"
        shown = ec2.describe_subnets(SubnetIds=[subnet])["Subnets"][0]
        assert shown["MapPublicIpOnLaunch"] is False

        aws = awscli_runner(stackbridge, tmp_path)
        aws("modify-subnet-attribute", "--subnet-id", subnet, "--no-map-public-ip-on-launch")
        tiers = user_view(stackbridge).listNetworks(vpcid=vpc["uuid"], fetch_list=True)
        assert [t["id"] for t in tiers] == [uuid_of(subnet)]

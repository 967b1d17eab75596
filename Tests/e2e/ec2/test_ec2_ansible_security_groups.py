"""Ansible's amazon.aws.ec2_security_group_info against the bridge (issue 13): groups found by filters, in the
default VPC, with their rules. (`ec2_security_group` itself needs STS GetCallerIdentity first: docs/ec2.md.)"""

from ansible_support import run_task
from ec2_helpers import boto3_client

DEFAULT_VPC = "vpc-" + "0" * 32


def test_ec2_security_group_info_finds_groups_and_rules(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    group = ec2.create_security_group(GroupName="ansible-info", Description="for the info module")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    info = run_task(stackbridge, tmp_path, "amazon.aws.ec2_security_group_info",
                    {"filters": {"group-name": "ansible-info", "vpc-id": DEFAULT_VPC}})
    assert not info["changed"]
    assert [g["group_id"] for g in info["security_groups"]] == [group]
    found = info["security_groups"][0]
    assert found["vpc_id"] == DEFAULT_VPC and found["description"] == "for the info module"
    assert [(p["ip_protocol"], p["from_port"], p["to_port"], p["ip_ranges"]) for p in found["ip_permissions"]] == [
        ("tcp", 22, 22, [{"cidr_ip": "10.0.0.0/8"}])]
    by_rule = run_task(stackbridge, tmp_path, "amazon.aws.ec2_security_group_info",
                       {"filters": {"ip-permission.cidr": "10.0.0.0/8", "ip-permission.from-port": "22"}})
    assert group in [g["group_id"] for g in by_rule["security_groups"]]
    ec2.delete_security_group(GroupId=group)
    gone = run_task(stackbridge, tmp_path, "amazon.aws.ec2_security_group_info", {"filters": {"group-name": "ansible-info"}})
    assert gone["security_groups"] == []

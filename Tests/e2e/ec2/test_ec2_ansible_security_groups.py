"""Ansible's amazon.aws.ec2_security_group and ec2_security_group_info against the bridge (issue 13): groups in
the default VPC with ingress and egress rules, purged and changed, re-runs unchanged, found by filters, deleted.
(`ec2_security_group` asks STS GetCallerIdentity for the account first: docs/ec2.md.)"""

from ansible_support import run_task, run_tasks
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


def canonical(permissions):
    """(protocol, from, to, sources) of each permission, sorted, with CIDRs and group ids as sources."""
    return sorted((p["IpProtocol"], p.get("FromPort"), p.get("ToPort"),
                   tuple(sorted([r["CidrIp"] for r in p["IpRanges"]] + [g["GroupId"] for g in p["UserIdGroupPairs"]])))
                  for p in permissions)


def test_ec2_security_group_rules_purge_egress_rerun_and_delete(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    db = ec2.create_security_group(GroupName="ansible-db", Description="the database")["GroupId"]
    group = {"name": "ansible-web", "description": "web tier", "vpc_id": DEFAULT_VPC}
    first_rules = [
        {"proto": "tcp", "ports": [22], "cidr_ip": "10.0.0.0/8"},
        {"proto": "tcp", "from_port": 80, "to_port": 80, "cidr_ip": "0.0.0.0/0"},
        {"proto": "tcp", "ports": [5432], "group_id": db},
    ]
    try:
        created, again = run_tasks(stackbridge, tmp_path, [
            {"amazon.aws.ec2_security_group": {**group, "rules": first_rules}},
            {"amazon.aws.ec2_security_group": {**group, "rules": first_rules}},
        ])
        assert created["changed"] and not again["changed"], again
        web = created["group_id"]
        shown = ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]
        assert canonical(shown["IpPermissions"]) == [("tcp", 22, 22, ("10.0.0.0/8",)), ("tcp", 80, 80, ("0.0.0.0/0",)),
                                                     ("tcp", 5432, 5432, (db,))]
        # CloudStack allows all egress while a group has no egress rule: shown as EC2's default rule.
        assert canonical(shown["IpPermissionsEgress"]) == [("-1", None, None, ("0.0.0.0/0",))]

        second = {**group, "rules": [{"proto": "tcp", "ports": [443], "cidr_ip": "0.0.0.0/0"}], "purge_rules": True,
                  "rules_egress": [{"proto": "tcp", "ports": [443], "cidr_ip": "0.0.0.0/0"}], "purge_rules_egress": True}
        changed, unchanged = run_tasks(stackbridge, tmp_path, [
            {"amazon.aws.ec2_security_group": second},
            {"amazon.aws.ec2_security_group": second},
        ])
        assert changed["changed"] and not unchanged["changed"], unchanged
        shown = ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]
        assert canonical(shown["IpPermissions"]) == [("tcp", 443, 443, ("0.0.0.0/0",))]
        assert canonical(shown["IpPermissionsEgress"]) == [("tcp", 443, 443, ("0.0.0.0/0",))]

        info = run_task(stackbridge, tmp_path, "amazon.aws.ec2_security_group_info", {"filters": {"group-id": web}})
        assert [(g["group_name"], g["owner_id"]) for g in info["security_groups"]] == [("ansible-web", shown["OwnerId"])]

        deleted, gone = run_tasks(stackbridge, tmp_path, [
            {"amazon.aws.ec2_security_group": {"name": "ansible-web", "vpc_id": DEFAULT_VPC, "state": "absent"}},
            {"amazon.aws.ec2_security_group": {"name": "ansible-web", "vpc_id": DEFAULT_VPC, "state": "absent"}},
        ])
        assert deleted["changed"] and not gone["changed"]
        names = {g["GroupName"] for g in ec2.describe_security_groups()["SecurityGroups"]}
        assert "ansible-web" not in names
    finally:
        for name in ("ansible-web", "ansible-db"):
            try:
                ec2.delete_security_group(GroupName=name)
            except Exception:
                pass

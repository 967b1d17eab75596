"""Security groups end to end (issue 13): create, authorize, describe, revoke and delete through boto3 (incl. the
`security_group_exists` waiter), awscli and libcloud's EC2 driver, every group in the default VPC."""

import json
import os
import subprocess
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ec2_helpers import boto3_client

DEFAULT_VPC = "vpc-" + "0" * 32


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


def test_boto3_describe_and_waiter(ec2):
    groups = ec2.describe_security_groups()["SecurityGroups"]
    default = next(g for g in groups if g["GroupName"] == "default")
    assert default["GroupId"].startswith("sg-") and default["VpcId"] == DEFAULT_VPC
    ec2.get_waiter("security_group_exists").wait(GroupIds=[default["GroupId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    by_filter = ec2.describe_security_groups(
        Filters=[{"Name": "group-name", "Values": ["default"]}, {"Name": "vpc-id", "Values": [DEFAULT_VPC]}])["SecurityGroups"]
    assert [g["GroupId"] for g in by_filter] == [default["GroupId"]]
    with pytest.raises(ClientError) as error:
        ec2.describe_security_groups(GroupNames=["no-such-group"])
    assert error.value.response["Error"]["Code"] == "InvalidGroup.NotFound"


def test_awscli_describe(stackbridge, tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
        AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(config),
        AWS_PAGER="")
    if stackbridge.ec2_endpoint.startswith("https"):
        env["AWS_CA_BUNDLE"] = stackbridge.ca_file
    result = subprocess.run(
        ["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", "describe-security-groups",
         "--group-names", "default"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    groups = json.loads(result.stdout)["SecurityGroups"]
    assert [g["GroupName"] for g in groups] == ["default"] and groups[0]["VpcId"] == DEFAULT_VPC


def test_libcloud_lists_security_groups(stackbridge, ec2):
    url = urlparse(stackbridge.ec2_endpoint)
    if url.scheme == "https":
        libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1",
                                      host=url.hostname, port=url.port, secure=url.scheme == "https", signature_version="2")
    expected = {g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]}
    assert {g.id for g in driver.ex_get_security_groups()} == expected
    assert "default" in driver.ex_list_security_groups()


def test_boto3_create_authorize_describe_revoke_delete(ec2):
    created = ec2.create_security_group(GroupName="e2e-web", Description="web tier",
                                        TagSpecifications=[{"ResourceType": "security-group",
                                                            "Tags": [{"Key": "team", "Value": "blue"}]}])
    web = created["GroupId"]
    assert created["Tags"] == [{"Key": "team", "Value": "blue"}]
    ec2.get_waiter("security_group_exists").wait(GroupIds=[web], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    db = ec2.create_security_group(GroupName="e2e-db", Description="db tier", VpcId=DEFAULT_VPC)["GroupId"]
    permissions = [
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
         "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "192.168.0.0/16"}], "UserIdGroupPairs": [{"GroupId": db}]},
        {"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": db}]},
    ]
    answer = ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=permissions)
    assert answer["Return"] is True and len(answer["SecurityGroupRules"]) == 5
    group = ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]
    owner = group["OwnerId"]

    def canonical(perms):
        return sorted((p["IpProtocol"], p.get("FromPort"), p.get("ToPort"), sorted(r["CidrIp"] for r in p.get("IpRanges", [])),
                       sorted(g["GroupId"] for g in p.get("UserIdGroupPairs", []))) for p in perms)
    assert canonical(group["IpPermissions"]) == canonical(permissions)
    assert all(g["UserId"] == owner for p in group["IpPermissions"] for g in p["UserIdGroupPairs"])
    with pytest.raises(ClientError) as error:
        ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=permissions[1:2])
    assert error.value.response["Error"]["Code"] == "InvalidPermission.Duplicate"
    with pytest.raises(ClientError) as error:
        ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}])
    assert error.value.response["Error"]["Code"] == "InvalidParameterValue" and "Ipv6Ranges" in error.value.response["Error"]["Message"]
    with pytest.raises(ClientError) as error:
        ec2.create_security_group(GroupName="e2e-vpc", Description="x", VpcId="vpc-" + "1" * 32)
    assert "VpcId" in error.value.response["Error"]["Message"]

    paginator = ec2.get_paginator("describe_security_group_rules")
    rules = [r for page in paginator.paginate(Filters=[{"Name": "group-id", "Values": [web]}], PaginationConfig={"PageSize": 5})
             for r in page["SecurityGroupRules"]]
    assert len(rules) == 5 + 0 and {r["SecurityGroupRuleId"] for r in rules} == {r["SecurityGroupRuleId"] for r in answer["SecurityGroupRules"]}
    groups = [g["GroupId"] for page in ec2.get_paginator("describe_security_groups").paginate(PaginationConfig={"PageSize": 5})
              for g in page["SecurityGroups"]]
    assert web in groups and db in groups and len(groups) == len(set(groups))
    assert [g["GroupName"] for g in ec2.describe_security_groups(
        Filters=[{"Name": "tag:team", "Values": ["blue"]}])["SecurityGroups"]] == ["e2e-web"]
    assert {g["GroupId"] for g in ec2.get_security_groups_for_vpc(VpcId=DEFAULT_VPC)["SecurityGroupForVpcs"]} >= {web, db}
    assert ec2.describe_stale_security_groups(VpcId=DEFAULT_VPC)["StaleSecurityGroupSet"] == []
    assert ec2.describe_security_group_references(GroupId=[web])["SecurityGroupReferenceSet"] == []

    with pytest.raises(ClientError) as error:
        ec2.delete_security_group(GroupId=db)
    assert error.value.response["Error"]["Code"] == "DependencyViolation"
    icmp = next(r["SecurityGroupRuleId"] for r in rules if r["IpProtocol"] == "icmp")
    revoked = ec2.revoke_security_group_ingress(GroupId=web, SecurityGroupRuleIds=[icmp])
    assert revoked["Return"] is True
    ec2.revoke_security_group_ingress(GroupId=web, IpPermissions=[permissions[0], permissions[2]])
    with pytest.raises(ClientError) as error:
        ec2.revoke_security_group_ingress(GroupId=web, IpPermissions=permissions[2:])
    assert error.value.response["Error"]["Code"] == "InvalidPermission.NotFound"
    assert ec2.describe_security_groups(GroupIds=[web])["SecurityGroups"][0]["IpPermissions"] == []
    ec2.delete_security_group(GroupId=db)
    ec2.delete_security_group(GroupName="e2e-web")
    with pytest.raises(ClientError) as error:
        ec2.delete_security_group(GroupName="default")
    assert error.value.response["Error"]["Code"] == "CannotDelete"
    remaining = {g["GroupName"] for g in ec2.describe_security_groups()["SecurityGroups"]}
    assert not remaining & {"e2e-web", "e2e-db"}


def aws(stackbridge, tmp_path, *args):
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
        AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(config),
        AWS_PAGER="")
    if stackbridge.ec2_endpoint.startswith("https"):
        env["AWS_CA_BUNDLE"] = stackbridge.ca_file
    result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if result.stdout.strip() else {}


def test_awscli_ip_permissions_and_flat_form(stackbridge, tmp_path, ec2):
    group = aws(stackbridge, tmp_path, "create-security-group", "--group-name", "cli-web", "--description", "cli")["GroupId"]
    aws(stackbridge, tmp_path, "authorize-security-group-ingress", "--group-id", group, "--ip-permissions",
        "IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=203.0.113.0/24}]",
        "IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=10.0.0.0/8}]")
    aws(stackbridge, tmp_path, "authorize-security-group-ingress", "--group-name", "cli-web", "--protocol", "tcp",
        "--port", "8080-8090", "--cidr", "198.51.100.0/24")
    aws(stackbridge, tmp_path, "authorize-security-group-egress", "--group-id", group, "--ip-permissions",
        "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]")
    shown = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"][0]
    ingress = sorted((p["IpProtocol"], p["FromPort"], p["ToPort"], p["IpRanges"][0]["CidrIp"]) for p in shown["IpPermissions"])
    assert ingress == [("tcp", 443, 443, "203.0.113.0/24"), ("tcp", 8080, 8090, "198.51.100.0/24"), ("udp", 53, 53, "10.0.0.0/8")]
    assert [(p["IpProtocol"], p["IpRanges"]) for p in shown["IpPermissionsEgress"]] == [("-1", [{"CidrIp": "0.0.0.0/0"}])]
    aws(stackbridge, tmp_path, "revoke-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "8080-8090",
        "--cidr", "198.51.100.0/24")
    rules = aws(stackbridge, tmp_path, "describe-security-group-rules", "--filters", f"Name=group-id,Values={group}")
    assert len(rules["SecurityGroupRules"]) == 3
    aws(stackbridge, tmp_path, "delete-security-group", "--group-id", group)
    assert "cli-web" not in {g["GroupName"] for g in ec2.describe_security_groups()["SecurityGroups"]}


def test_libcloud_create_authorize_delete(stackbridge, ec2):
    url = urlparse(stackbridge.ec2_endpoint)
    if url.scheme == "https":
        libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1",
                                      host=url.hostname, port=url.port, secure=url.scheme == "https", signature_version="2")
    created = driver.ex_create_security_group("lc-web", "libcloud group", vpc_id=DEFAULT_VPC)
    group = created["group_id"]
    source = driver.ex_create_security_group("lc-src", "libcloud source")["group_id"]
    assert driver.ex_authorize_security_group_ingress(group, 22, 22, cidr_ips=["10.1.0.0/16"])
    assert driver.ex_authorize_security_group_ingress(group, 80, 81, group_pairs=[{"group_id": source}])
    assert driver.ex_authorize_security_group_egress(group, 443, 443, cidr_ips=["0.0.0.0/0"])
    # The legacy flat form (GroupName, IpProtocol, FromPort, ToPort, CidrIp).
    assert driver.ex_authorize_security_group("lc-web", 5432, 5432, "172.16.0.0/12", protocol="tcp")
    shown = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"][0]
    assert sorted((p["FromPort"], p["ToPort"]) for p in shown["IpPermissions"]) == [(22, 22), (80, 81), (5432, 5432)]
    listed = {g.id: g for g in driver.ex_get_security_groups(group_ids=[group])}
    assert len(listed[group].ingress_rules) == 3 and len(listed[group].egress_rules) == 1
    assert driver.ex_revoke_security_group_ingress(group, 80, 81, group_pairs=[{"group_id": source}])
    assert driver.ex_revoke_security_group_egress(group, 443, 443, cidr_ips=["0.0.0.0/0"])
    assert driver.ex_delete_security_group_by_id(source)
    assert driver.ex_delete_security_group_by_name("lc-web")
    assert not {"lc-web", "lc-src"} & set(driver.ex_list_security_groups())

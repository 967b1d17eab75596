"""STS GetCallerIdentity on the bridge's EC2 endpoint, as boto3 and awscli send it with an endpoint URL; the
account it names owns what the EC2 actions show (docs/ec2.md, "STS GetCallerIdentity")."""

import boto3
import pytest
from botocore.exceptions import ClientError

from cloudstack_vpc import user_view
from ec2_helpers import awscli, boto3_client


def sts_client(bridge):
    return boto3.client("sts", endpoint_url=bridge.ec2_endpoint, region_name=bridge.region,
                        aws_access_key_id=bridge.access_key, aws_secret_access_key=bridge.secret_key,
                        verify=bridge.ca_file if bridge.ec2_endpoint.startswith("https") else False)


def test_boto3_get_caller_identity_names_the_owner_of_the_callers_groups(stackbridge):
    identity = sts_client(stackbridge).get_caller_identity()
    user = next(u for u in user_view(stackbridge).listUsers(fetch_list=True) if u["apikey"] == stackbridge.access_key)
    assert identity["Account"] == user["account"] and identity["UserId"] == user["id"]
    assert identity["Arn"] == f"arn:aws:iam::{user['account']}:user/{user['username']}"
    ec2 = boto3_client(stackbridge)
    group = ec2.create_security_group(GroupName="sts-owned", Description="owned")["GroupId"]
    try:
        owner = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"][0]["OwnerId"]
        assert owner == identity["Account"]
    finally:
        ec2.delete_security_group(GroupId=group)


def test_boto3_other_sts_actions_are_sts_errors(stackbridge):
    with pytest.raises(ClientError) as refused:
        sts_client(stackbridge).assume_role(RoleArn="arn:aws:iam::demo:role/admin", RoleSessionName="session")
    assert refused.value.response["Error"]["Code"] == "InvalidAction"
    assert refused.value.response["Error"]["Type"] == "Sender"


def test_awscli_get_caller_identity(stackbridge, tmp_path):
    identity = awscli(stackbridge, tmp_path)("sts", "get-caller-identity")
    assert identity["Arn"].startswith("arn:aws:iam::" + identity["Account"] + ":user/")

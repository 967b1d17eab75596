"""Security groups end to end (issue 13, in progress): DescribeSecurityGroups through boto3 (incl. the
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

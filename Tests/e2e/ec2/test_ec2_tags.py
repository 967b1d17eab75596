"""Tags end to end: boto3 (DescribeTags paginator), awscli and libcloud, keys and values with XML-special
and non-ASCII characters, and the instance/account extras through boto3."""

import json
import os
import subprocess
import uuid
from urllib.parse import urlparse

import libcloud.security
import pytest
from botocore.exceptions import ClientError
from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider

from ec2_helpers import boto3_client, featured_image, smallest_type, terminate

SPECIAL = "<&>\"' ünïcødé ✓ 🚀"


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def instance(ec2):
    """One instance for the module, launched with a tag, terminated at the end."""
    run = ec2.run_instances(
        ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "e2e-tags"}]}])
    instance_id = run["Instances"][0]["InstanceId"]
    yield instance_id
    terminate(ec2, [instance_id])


def tags_of(ec2, resource_id):
    pages = ec2.get_paginator("describe_tags").paginate(Filters=[{"Name": "resource-id", "Values": [resource_id]}])
    return {t["Key"]: t["Value"] for page in pages for t in page["Tags"]}


def test_run_instances_tags_show_at_once(ec2, instance):
    described = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
    assert {t["Key"]: t["Value"] for t in described["Tags"]} == {"Name": "e2e-tags"}
    assert tags_of(ec2, instance) == {"Name": "e2e-tags"}


def test_boto3_create_page_overwrite_delete(ec2, instance):
    tags = [{"Key": f"k{i}{SPECIAL}", "Value": f"v{i}{SPECIAL}"} for i in range(7)] + [{"Key": "empty", "Value": ""}]
    ec2.create_tags(Resources=[instance], Tags=tags)
    pages = list(ec2.get_paginator("describe_tags").paginate(
        Filters=[{"Name": "resource-id", "Values": [instance]}], PaginationConfig={"PageSize": 5}))
    assert len(pages) == 2
    seen = {t["Key"]: t["Value"] for page in pages for t in page["Tags"]}
    assert seen == {"Name": "e2e-tags", "empty": "", **{t["Key"]: t["Value"] for t in tags}}
    assert all(t["ResourceType"] == "instance" for page in pages for t in page["Tags"])

    ec2.create_tags(Resources=[instance], Tags=[{"Key": "Name", "Value": "renamed"}])
    assert tags_of(ec2, instance)["Name"] == "renamed"
    by_tag = ec2.describe_instances(Filters=[{"Name": f"tag:k1{SPECIAL}", "Values": [f"v1{SPECIAL}"]}])
    assert [i["InstanceId"] for r in by_tag["Reservations"] for i in r["Instances"]] == [instance]

    # A wrong value deletes nothing, an empty value only an empty value, no value any value.
    ec2.delete_tags(Resources=[instance], Tags=[{"Key": "Name", "Value": "e2e-tags"}, {"Key": f"k0{SPECIAL}", "Value": ""}])
    assert {"Name", f"k0{SPECIAL}"} <= set(tags_of(ec2, instance))
    ec2.delete_tags(Resources=[instance], Tags=[{"Key": "empty", "Value": ""}, {"Key": f"k0{SPECIAL}"}])
    left = tags_of(ec2, instance)
    assert "empty" not in left and f"k0{SPECIAL}" not in left and left["Name"] == "renamed"


def test_boto3_errors(ec2, instance):
    cases = [
        (dict(Resources=["bogus"], Tags=[{"Key": "a", "Value": "b"}]), "InvalidID"),
        (dict(Resources=["i-" + "0" * 32], Tags=[{"Key": "a", "Value": "b"}]), "InvalidInstanceID.NotFound"),
        (dict(Resources=[instance], Tags=[{"Key": "aws:x", "Value": "b"}]), "InvalidParameterValue"),
        (dict(Resources=[instance], Tags=[{"Key": f"t{i}", "Value": "v"} for i in range(51)]), "TagLimitExceeded"),
    ]
    for arguments, code in cases:
        with pytest.raises(ClientError) as excinfo:
            ec2.create_tags(**arguments)
        assert excinfo.value.response["Error"]["Code"] == code, arguments


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli-tags") / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
        AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(config),
        AWS_PAGER="", PYTHONIOENCODING="utf-8")
    if stackbridge.ec2_endpoint.startswith("https"):
        env["AWS_CA_BUNDLE"] = stackbridge.ca_file

    def run(*args):
        result = subprocess.run(
            ["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    return run


def test_awscli_create_describe_delete(aws, instance):
    key = f"cli-{uuid.uuid4().hex[:6]}"
    tags = json.dumps([{"Key": key, "Value": SPECIAL}])
    aws("create-tags", "--resources", instance, "--tags", tags)
    described = aws("describe-tags", "--filters", f"Name=key,Values={key}")["Tags"]
    assert described == [{"Key": key, "ResourceId": instance, "ResourceType": "instance", "Value": SPECIAL}]
    aws("delete-tags", "--resources", instance, "--tags", f"Key={key}")
    assert aws("describe-tags", "--filters", f"Name=key,Values={key}")["Tags"] == []


def test_libcloud_ex_tags(stackbridge, instance):
    url = urlparse(stackbridge.ec2_endpoint)
    if url.scheme == "https":
        libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    driver = get_driver(Provider.EC2)(stackbridge.access_key, stackbridge.secret_key, region="us-east-1",
                                      host=url.hostname, port=url.port, secure=url.scheme == "https", signature_version="2")
    node = next(n for n in driver.list_nodes() if n.id == instance)
    # libcloud numbers its list members from 0, which EC2 accepts.
    assert driver.ex_create_tags(node, {"lc-key": "lc & <value>", "lc-ünï": "✓"})
    tags = driver.ex_describe_tags(node)
    assert tags["lc-key"] == "lc & <value>" and tags["lc-ünï"] == "✓"
    assert driver.ex_delete_tags(node, {"lc-key": "lc & <value>", "lc-ünï": None})
    tags = driver.ex_describe_tags(node)
    assert "lc-key" not in tags and "lc-ünï" not in tags


def test_extras_through_boto3(ec2, instance, stackbridge):
    output = ec2.get_console_output(InstanceId=instance)
    assert output["InstanceId"] == instance and "Timestamp" in output and not output.get("Output")
    credits = ec2.describe_instance_credit_specifications(InstanceIds=[instance])["InstanceCreditSpecifications"]
    assert credits == [{"InstanceId": instance, "CpuCredits": "standard"}]
    assert ec2.describe_iam_instance_profile_associations()["IamInstanceProfileAssociations"] == []
    ec2.reset_instance_attribute(InstanceId=instance, Attribute="sourceDestCheck")
    with pytest.raises(ClientError) as excinfo:
        ec2.reset_instance_attribute(InstanceId=instance, Attribute="kernel")
    assert excinfo.value.response["Error"]["Code"] == "UnsupportedOperation"
    offerings = ec2.describe_instance_type_offerings(LocationType="availability-zone")["InstanceTypeOfferings"]
    zones = {z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]}
    assert offerings and {o["Location"] for o in offerings} <= zones
    assert {o["InstanceType"] for o in offerings} >= {smallest_type(ec2)}
    region = ec2.describe_instance_type_offerings()["InstanceTypeOfferings"]
    assert {o["Location"] for o in region} == {stackbridge.region}
    assert all(s["UseLongIds"] for s in ec2.describe_id_format()["Statuses"])
    assert ec2.describe_id_format(Resource="instance")["Statuses"] == [{"Resource": "instance", "UseLongIds": True}]
    assert ec2.describe_identity_id_format(PrincipalArn="arn:aws:iam::1:root", Resource="volume")["Statuses"][0]["UseLongIds"]
    assert ec2.describe_aggregate_id_format()["UseLongIdsAggregated"] is True
    principals = ec2.describe_principal_id_format(Resources=["instance"])["Principals"]
    assert len(principals) == 1 and principals[0]["Arn"].startswith("arn:aws:iam::")
    assert ec2.get_ebs_encryption_by_default()["EbsEncryptionByDefault"] is False
    assert ec2.get_serial_console_access_status()["SerialConsoleAccessEnabled"] is False

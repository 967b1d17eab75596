"""The AWS CLI against StackBridge's EC2 API, with its default signing (SigV4) and no overrides."""

import json
import os
import subprocess
import uuid

import pytest

from ec2_helpers import boto3_client, featured_image, smallest_type


@pytest.fixture(scope="module")
def aws(stackbridge, tmp_path_factory):
    config = tmp_path_factory.mktemp("awscli") / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
        AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(config),
        AWS_PAGER="")
    if stackbridge.ec2_endpoint.startswith("https"):
        env["AWS_CA_BUNDLE"] = stackbridge.ca_file

    def run(*args, check=True):
        result = subprocess.run(
            ["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
            env=env, capture_output=True, text=True, timeout=120)
        if check:
            assert result.returncode == 0, result.stderr
            return json.loads(result.stdout) if result.stdout.strip() else {}
        return result

    return run


def test_describe_regions_zones_images(aws, stackbridge):
    assert [r["RegionName"] for r in aws("describe-regions")["Regions"]] == [stackbridge.region]
    assert aws("describe-availability-zones")["AvailabilityZones"]
    assert aws("describe-images", "--owners", "amazon")["Images"]


def test_run_wait_describe_terminate(aws, stackbridge):
    ec2 = boto3_client(stackbridge)
    run = aws("run-instances", "--image-id", featured_image(ec2), "--instance-type", smallest_type(ec2), "--count", "2",
              "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=e2e-cli}]")
    ids = [i["InstanceId"] for i in run["Instances"]]
    assert len(ids) == 2
    try:
        aws("wait", "instance-running", "--instance-ids", *ids)
        described = aws("describe-instances", "--filters", "Name=tag:Name,Values=e2e-cli", "Name=instance-state-name,Values=running")
        assert sorted(i["InstanceId"] for r in described["Reservations"] for i in r["Instances"]) == sorted(ids)
        # The CLI pages through NextToken by itself; --page-size forces several requests.
        paged = aws("describe-instances", "--page-size", "5")
        assert set(ids) <= {i["InstanceId"] for r in paged["Reservations"] for i in r["Instances"]}
    finally:
        terminated = aws("terminate-instances", "--instance-ids", *ids)
    assert {c["CurrentState"]["Name"] for c in terminated["TerminatingInstances"]} <= {"shutting-down", "terminated"}


def test_key_pair_round_trip_and_errors(aws):
    name = "cli-" + uuid.uuid4().hex[:8]
    created = aws("create-key-pair", "--key-name", name)
    assert created["KeyName"] == name and "PRIVATE KEY" in created["KeyMaterial"]
    assert [k["KeyName"] for k in aws("describe-key-pairs", "--key-names", name)["KeyPairs"]] == [name]
    aws("delete-key-pair", "--key-name", name)
    missing = aws("describe-key-pairs", "--key-names", name, check=False)
    assert missing.returncode != 0 and "InvalidKeyPair.NotFound" in missing.stderr

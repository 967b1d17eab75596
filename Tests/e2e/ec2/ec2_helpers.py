"""Shared helpers for the EC2 end-to-end tests: clients pointed at the `stackbridge` fixture."""

import json
import os
import subprocess

import boto3
from botocore.config import Config

FAST_WAITER = {"Delay": 1, "MaxAttempts": 90}


def boto3_client(bridge):
    """A boto3 EC2 client for the bridge's endpoint, signing with SigV4 (botocore's default)."""
    return boto3.client(
        "ec2",
        endpoint_url=bridge.ec2_endpoint,
        region_name=bridge.region,
        aws_access_key_id=bridge.access_key,
        aws_secret_access_key=bridge.secret_key,
        verify=bridge.ca_file if bridge.ec2_endpoint.startswith("https") else False,
        config=Config(retries={"max_attempts": 2, "mode": "standard"}),
    )


def featured_image(ec2):
    """An image every account may launch (a featured template: `Owner=amazon`)."""
    images = ec2.describe_images(Owners=["amazon"])["Images"]
    assert images, "the cloud offers no featured images"
    return sorted(images, key=lambda image: image["Name"])[0]["ImageId"]


def smallest_type(ec2):
    """The instance type with the least memory."""
    types = ec2.describe_instance_types()["InstanceTypes"]
    assert types, "the cloud offers no instance types"
    return min(types, key=lambda t: (t["MemoryInfo"]["SizeInMiB"], t["InstanceType"]))["InstanceType"]


def terminate(ec2, ids):
    if ids:
        ec2.terminate_instances(InstanceIds=list(ids))


def awscli(stackbridge, tmp_path):
    """Runs `aws --endpoint-url <bridge> ARGS…` with only the bridge's keys; returns the parsed JSON."""
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
               AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config),
               AWS_SHARED_CREDENTIALS_FILE=str(config), AWS_PAGER="", AWS_CA_BUNDLE=stackbridge.ca_file)

    def aws(*args):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", *args],
                                env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    return aws


def awscli_runner(bridge, directory):
    """A function running `aws ec2 ARGS...` against the bridge, returning the parsed JSON output."""
    aws = awscli(bridge, directory)
    return lambda *args: aws("ec2", *args)

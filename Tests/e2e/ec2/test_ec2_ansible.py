"""Ansible's amazon.aws collection against the bridge: ec2_key and ec2_instance as playbooks run them."""

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ansible_support import run_task, run_tasks
from ec2_helpers import FAST_WAITER, boto3_client, featured_image


def public_key():
    """A fresh OpenSSH public key line and its fingerprint as CloudStack computes it (MD5 of the blob)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    line = key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
    digest = hashlib.md5(base64.b64decode(line.split()[1])).hexdigest()
    return line + " ansible@test", ":".join(digest[i:i + 2] for i in range(0, 32, 2))


def test_ec2_key_created_then_unchanged_then_deleted(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    created, again, deleted, gone = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_key": {"name": "ansible-made"}},
        {"amazon.aws.ec2_key": {"name": "ansible-made"}},
        {"amazon.aws.ec2_key": {"name": "ansible-made", "state": "absent"}},
        {"amazon.aws.ec2_key": {"name": "ansible-made", "state": "absent"}},
    ])
    assert created["changed"] and created["key"]["private_key"].startswith("-----BEGIN")
    assert not again["changed"], again
    assert again["key"]["fingerprint"] == created["key"]["fingerprint"]
    assert deleted["changed"] and not gone["changed"]
    assert not [k for k in ec2.describe_key_pairs()["KeyPairs"] if k["KeyName"] == "ansible-made"]


def test_ec2_key_imported_keeps_one_fingerprint(stackbridge, tmp_path):
    """Issue #12: ImportKeyPair and DescribeKeyPairs disagreed, so ec2_key replaced the key on every run."""
    line, fingerprint = public_key()
    ec2 = boto3_client(stackbridge)
    # force: false, because the default (true) imports the same key under a temporary name to learn its
    # fingerprint, and CloudStack holds a public key once per account: see docs/ec2.md.
    task = {"amazon.aws.ec2_key": {"name": "ansible-imported", "key_material": line, "force": False}}
    imported, again = run_tasks(stackbridge, tmp_path, [task, task])
    assert imported["changed"] and imported["key"]["fingerprint"] == fingerprint
    assert not again["changed"] and again["key"]["fingerprint"] == fingerprint
    described = ec2.describe_key_pairs(KeyNames=["ansible-imported"])["KeyPairs"]
    assert [k["KeyFingerprint"] for k in described] == [fingerprint]
    refused = run_task(stackbridge, tmp_path, "amazon.aws.ec2_key",
                       {"name": "ansible-imported", "key_material": line}, ignore_errors=True)
    assert refused["failed"] and "already imported as key pair 'ansible-imported'" in refused["msg"] + str(refused.get("error"))
    assert run_task(stackbridge, tmp_path, "amazon.aws.ec2_key", {"name": "ansible-imported", "state": "absent"})["changed"]


def default_subnet(ec2, image):
    """The subnet (CloudStack network) an instance launched with no placement lands in.

    ec2_instance finds a default subnet with DescribeVpcs/DescribeSubnets (issue #13) unless it is given
    `vpc_subnet_id`; this learns the subnet from one throw-away launch instead.
    """
    launched = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]
    ec2.terminate_instances(InstanceIds=[launched["InstanceId"]])
    # Gone before ec2_instance looks for instances it already has there.
    ec2.get_waiter("instance_terminated").wait(InstanceIds=[launched["InstanceId"]], WaiterConfig=FAST_WAITER)
    return launched["SubnetId"]


def instance_args(ec2, **extra):
    image = featured_image(ec2)
    args = {"image_id": image, "instance_type": "t3.micro", "vpc_subnet_id": default_subnet(ec2, image),
            "wait": True, "wait_timeout": 120}
    args.update(extra)
    return args


def test_ec2_instance_launched_stopped_started_removed_by_id(stackbridge, tmp_path):
    ec2 = boto3_client(stackbridge)
    # Issue #12: the demo names its offerings with EC2 types, so hard-coded types such as t3.micro launch.
    types = {t["InstanceType"] for t in ec2.describe_instance_types()["InstanceTypes"]}
    assert {"t3.micro", "t3.small", "t3.medium"} <= types, types
    launch = instance_args(ec2, count=1, state="running")
    launched = run_task(stackbridge, tmp_path, "amazon.aws.ec2_instance", launch)
    assert launched["changed"]
    # The demo's own instances share the subnet and image: `count` launches one more, named in changed_ids.
    [instance_id] = launched.get("changed_ids") or launched["instance_ids"]
    [instance] = [i for i in launched["instances"] if i["instance_id"] == instance_id]
    assert instance["state"]["name"] == "running" and instance["instance_type"] == "t3.micro"
    assert instance["subnet_id"] == launch["vpc_subnet_id"]

    by_id = {"instance_ids": [instance_id], "wait": True, "wait_timeout": 120}
    info = {"amazon.aws.ec2_instance_info": {"instance_ids": [instance_id]}}
    # ec2_instance answers the instances as they were before a state change: each is read back after.
    described, stopped, after_stop, stopped_again, started, after_start, removed, gone = run_tasks(stackbridge, tmp_path, [
        info,
        {"amazon.aws.ec2_instance": dict(by_id, state="stopped")}, info,
        {"amazon.aws.ec2_instance": dict(by_id, state="stopped")},
        {"amazon.aws.ec2_instance": dict(by_id, state="running")}, info,
        {"amazon.aws.ec2_instance": dict(by_id, state="absent")}, info,
    ])
    state = lambda result: [i["state"]["name"] for i in result["instances"]]  # noqa: E731
    assert [i["instance_id"] for i in described["instances"]] == [instance_id]
    assert described["instances"][0]["image_id"] == launch["image_id"]
    assert stopped["changed"] and stopped["stop_success"] == [instance_id] and state(after_stop) == ["stopped"]
    assert not stopped_again["changed"]
    assert started["changed"] and started["start_success"] == [instance_id] and state(after_start) == ["running"]
    assert removed["changed"] and removed["terminate_success"] == [instance_id]
    assert state(gone) == ["terminated"]


def test_ec2_instance_with_name_and_tags_is_idempotent(stackbridge, tmp_path):
    """The issue's scenario: launched with `name` and `tags`, run again with nothing changed, stopped,
    started and removed by name. Launching sends a `volume` TagSpecification (the volumes part of issue
    #12) and every later run by name reads the tags with DescribeTags (the tags part)."""
    ec2 = boto3_client(stackbridge)
    present = instance_args(ec2, name="ansible-web", tags={"env": "test", "owner": "e2e"})
    by_name = {k: present[k] for k in ("name", "image_id", "vpc_subnet_id", "wait", "wait_timeout")}
    first, second, info, stopped, started, removed = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_instance": present},
        {"amazon.aws.ec2_instance": present},
        {"amazon.aws.ec2_instance_info": {"filters": {"tag:Name": "ansible-web", "instance-state-name": "running"}}},
        {"amazon.aws.ec2_instance": dict(by_name, state="stopped")},
        {"amazon.aws.ec2_instance": dict(by_name, state="running")},
        {"amazon.aws.ec2_instance": dict(by_name, state="absent")},
    ])
    assert first["changed"]
    [instance_id] = first["instance_ids"]
    assert first["instances"][0]["tags"] == {"Name": "ansible-web", "env": "test", "owner": "e2e"}
    assert not second["changed"], second
    assert second["instance_ids"] == [instance_id]
    assert [i["instance_id"] for i in info["instances"]] == [instance_id]
    assert info["instances"][0]["tags"]["env"] == "test"
    assert stopped["changed"] and started["changed"]
    assert removed["changed"] and removed["terminate_success"] == [instance_id]

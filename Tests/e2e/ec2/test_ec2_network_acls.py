"""Network ACLs end to end: boto3 (paginator), awscli and Ansible's ec2_vpc_nacl / ec2_vpc_nacl_info,
over CloudStack ACL lists on a VPC made through the simulator's CloudStack API."""

import json
import os
import subprocess

import pytest
from botocore.exceptions import ClientError

from ansible_support import run_tasks
from cloudstack_vpc import cloudstack_vpc, hex_of, leftovers, user_view
from ec2_helpers import boto3_client


@pytest.fixture(scope="module")
def ec2(stackbridge):
    return boto3_client(stackbridge)


@pytest.fixture(scope="module")
def vpc(stackbridge):
    with cloudstack_vpc(stackbridge, tiers=2, gateway=False) as made:
        yield made
    assert leftovers(stackbridge, made["uuid"]) == {"vpcs": [], "acls": [], "routes": [], "gateways": []}


def default_acl(ec2, vpc):
    acls = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc["vpc_id"]]},
                                              {"Name": "default", "Values": ["true"]}])["NetworkAcls"]
    assert len(acls) == 1
    return acls[0]


def test_boto3_acl_entries_associations_and_paginator(ec2, vpc, stackbridge):
    default = default_acl(ec2, vpc)
    assert {a["SubnetId"] for a in default["Associations"]} == set(vpc["subnet_ids"])
    created = ec2.create_network_acl(VpcId=vpc["vpc_id"], TagSpecifications=[
        {"ResourceType": "network-acl", "Tags": [{"Key": "Name", "Value": "boto3-acl"}]}])["NetworkAcl"]
    acl = created["NetworkAclId"]
    assert created["VpcId"] == vpc["vpc_id"] and created["IsDefault"] is False
    ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False,
                                 CidrBlock="0.0.0.0/0", PortRange={"From": 443, "To": 443})
    ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="-1", RuleAction="allow", Egress=True,
                                 CidrBlock="0.0.0.0/0")
    ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=200, Protocol="1", RuleAction="deny", Egress=False,
                                 CidrBlock="10.0.0.0/8", IcmpTypeCode={"Type": 8, "Code": -1})
    with pytest.raises(ClientError) as duplicate:
        ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="-1", RuleAction="deny", Egress=False,
                                     CidrBlock="0.0.0.0/0")
    assert duplicate.value.response["Error"]["Code"] == "NetworkAclEntryAlreadyExists"
    hexes = acl[len("acl-"):]
    list_uuid = "-".join([hexes[:8], hexes[8:12], hexes[12:16], hexes[16:20], hexes[20:]])
    items = user_view(stackbridge).listNetworkACLs(aclid=list_uuid, fetch_list=True)
    assert sorted((i["traffictype"], i["protocol"], i["action"]) for i in items) == [
        ("Egress", "all", "Allow"), ("Ingress", "icmp", "Deny"), ("Ingress", "tcp", "Allow")]

    association = next(a for a in default["Associations"] if a["SubnetId"] == vpc["subnet_ids"][0])
    replaced = ec2.replace_network_acl_association(AssociationId=association["NetworkAclAssociationId"], NetworkAclId=acl)
    assert replaced["NewAssociationId"] == association["NetworkAclAssociationId"]
    shown = ec2.describe_network_acls(NetworkAclIds=[acl])["NetworkAcls"][0]
    assert [a["SubnetId"] for a in shown["Associations"]] == [vpc["subnet_ids"][0]]
    entries = [(e["RuleNumber"], e["Egress"], e["Protocol"], e["RuleAction"]) for e in shown["Entries"]]
    assert entries == [(100, False, "6", "allow"), (200, False, "1", "deny"), (32767, False, "-1", "deny"),
                       (100, True, "-1", "allow"), (32767, True, "-1", "deny")]
    ec2.replace_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="17", RuleAction="allow", Egress=False,
                                  CidrBlock="0.0.0.0/0", PortRange={"From": 53, "To": 53})
    first = ec2.describe_network_acls(NetworkAclIds=[acl])["NetworkAcls"][0]["Entries"][0]
    assert first["Protocol"] == "17" and first["PortRange"] == {"From": 53, "To": 53}

    pages = list(ec2.get_paginator("describe_network_acls").paginate(PaginationConfig={"PageSize": 5}))
    listed = [(a["NetworkAclId"], a["VpcId"]) for p in pages for a in p["NetworkAcls"]]
    assert (acl, vpc["vpc_id"]) in listed and len(listed) == len(set(listed))

    with pytest.raises(ClientError) as in_use:
        ec2.delete_network_acl(NetworkAclId=acl)
    assert in_use.value.response["Error"]["Code"] == "DependencyViolation"
    ec2.replace_network_acl_association(AssociationId=association["NetworkAclAssociationId"],
                                        NetworkAclId=default["NetworkAclId"])
    ec2.delete_network_acl_entry(NetworkAclId=acl, RuleNumber=200, Egress=False)
    ec2.delete_network_acl(NetworkAclId=acl)
    with pytest.raises(ClientError) as gone:
        ec2.describe_network_acls(NetworkAclIds=[acl])
    assert gone.value.response["Error"]["Code"] == "InvalidNetworkAclID.NotFound"
    with pytest.raises(ClientError) as builtin:
        ec2.delete_network_acl(NetworkAclId=default["NetworkAclId"])
    assert builtin.value.response["Error"]["Code"] == "UnsupportedOperation"


def test_awscli_network_acls(stackbridge, vpc, tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=stackbridge.access_key, AWS_SECRET_ACCESS_KEY=stackbridge.secret_key,
               AWS_DEFAULT_REGION=stackbridge.region, AWS_CONFIG_FILE=str(config),
               AWS_SHARED_CREDENTIALS_FILE=str(config), AWS_PAGER="", AWS_CA_BUNDLE=stackbridge.ca_file)

    def aws(*args, ok=True):
        result = subprocess.run(["aws", "--endpoint-url", stackbridge.ec2_endpoint, "--output", "json", "ec2", *args],
                                env=env, capture_output=True, text=True, timeout=120)
        assert (result.returncode == 0) == ok, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else result.stderr

    acl = aws("create-network-acl", "--vpc-id", vpc["vpc_id"])["NetworkAcl"]["NetworkAclId"]
    aws("create-network-acl-entry", "--network-acl-id", acl, "--ingress", "--rule-number", "10", "--protocol", "tcp",
        "--port-range", "From=80,To=80", "--cidr-block", "0.0.0.0/0", "--rule-action", "allow")
    entries = aws("describe-network-acls", "--network-acl-ids", acl)["NetworkAcls"][0]["Entries"]
    assert (10, "6", {"From": 80, "To": 80}) in [(e["RuleNumber"], e["Protocol"], e.get("PortRange")) for e in entries]
    refused = aws("create-network-acl-entry", "--network-acl-id", acl, "--ingress", "--rule-number", "20", "--protocol", "-1",
                  "--ipv6-cidr-block", "::/0", "--rule-action", "allow", ok=False)
    assert "UnsupportedOperation" in refused and "Ipv6CidrBlock" in refused
    aws("delete-network-acl-entry", "--network-acl-id", acl, "--ingress", "--rule-number", "10")
    aws("delete-network-acl", "--network-acl-id", acl)


def test_ansible_nacl_created_unchanged_then_deleted(stackbridge, vpc, tmp_path):
    rules = {
        "ingress": [[100, "tcp", "allow", "0.0.0.0/0", None, None, 22, 22],
                    [200, "icmp", "allow", "10.0.0.0/8", 8, -1]],
        "egress": [[100, "all", "allow", "0.0.0.0/0", None, None, None, None]],
    }
    # No `subnets`: the module resolves them with DescribeSubnets, which another part of issue 13 adds.
    created, = run_tasks(stackbridge, tmp_path, [{"amazon.aws.ec2_vpc_nacl": {
        "vpc_id": vpc["vpc_id"], "name": "ansible-acl", **rules}}])
    assert created["changed"]
    acl = created["nacl_id"]
    again, info = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_nacl": {"vpc_id": vpc["vpc_id"], "nacl_id": acl, **rules}},
        {"amazon.aws.ec2_vpc_nacl_info": {"nacl_ids": [acl]}},
    ])
    assert not again["changed"], again
    nacl = info["nacls"][0]
    assert nacl["vpc_id"] == vpc["vpc_id"] and nacl["subnets"] == []
    assert nacl["tags"] == {"Name": "ansible-acl"}
    assert [r[0] for r in nacl["ingress"]] == [100, 200] and [r[0] for r in nacl["egress"]] == [100]
    deleted, gone = run_tasks(stackbridge, tmp_path, [
        {"amazon.aws.ec2_vpc_nacl": {"vpc_id": vpc["vpc_id"], "nacl_id": acl, "state": "absent"}},
        {"amazon.aws.ec2_vpc_nacl": {"vpc_id": vpc["vpc_id"], "nacl_id": acl, "state": "absent"}},
    ])
    assert deleted["changed"] and not gone["changed"]
    with pytest.raises(ClientError):
        boto3_client(stackbridge).describe_network_acls(NetworkAclIds=[acl])

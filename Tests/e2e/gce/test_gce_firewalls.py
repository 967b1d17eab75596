"""Firewalls on the default network (security-group rules, docs/decisions/0012-gce-firewalls.md) with
google-api-python-client, google-cloud-compute's FirewallsClient and libcloud's GCE driver; then an instance
with a network tag gets exactly the traffic a firewall for that tag opens, as CloudStack's own
security-group rules show it through the simulator's API. On a custom (VPC) network made with networks.insert,
firewalls are items of the VPC's gce-firewalls ACL list, ordered by priority, and `denied` is served."""

import os
import time

import google_auth_httplib2
import httplib2
import pytest
from cs import CloudStack
from google.cloud import compute_v1
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from gce_support import credentials, first_zone_and_image, libcloud_driver, wait_operation


def done(compute, project, operation, zone=None):
    """Waits for a global (or, with `zone`, zonal) operation with `wait`, and asserts it succeeded."""
    for _ in range(100):
        if zone:
            op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        else:
            op = compute.globalOperations().wait(project=project, operation=operation["name"]).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
        time.sleep(0.1)
    raise AssertionError("operation never finished")


@pytest.fixture(scope="module")
def compute(stackbridge):
    http = google_auth_httplib2.AuthorizedHttp(credentials(stackbridge), http=httplib2.Http(ca_certs=stackbridge.ca_file))
    return build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})


@pytest.fixture(scope="module")
def cloudstack(stackbridge):
    return CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                      secret=stackbridge.admin_secret)


def user_groups(cloudstack):
    return {g["name"]: g for g in cloudstack.listSecurityGroups(account="user1", domainid=domain_of(cloudstack),
                                                                 fetch_list=True)}


def domain_of(cloudstack):
    return next(a["domainid"] for a in cloudstack.listAccounts(name="user1", listall=True, fetch_list=True))


def test_api_python_client_insert_get_list_patch_update_delete(compute, stackbridge):
    project = stackbridge.project
    body = {"name": "e2e-apc-fw", "description": "api client", "sourceRanges": ["198.51.100.0/24"],
            "allowed": [{"IPProtocol": "tcp", "ports": ["80", "8000-8100"]}, {"IPProtocol": "icmp"}],
            "targetTags": ["e2e-apc"], "priority": 500}
    insert = compute.firewalls().insert(project=project, body=body).execute()
    assert insert["operationType"] == "insert" and insert["status"] in ("PENDING", "RUNNING", "DONE")
    done(compute, project, insert)
    got = compute.firewalls().get(project=project, firewall="e2e-apc-fw").execute()
    for key, value in body.items():
        assert got[key] == value, key
    assert got["direction"] == "INGRESS" and got["network"].endswith("/global/networks/default")
    assert "e2e-apc-fw" in [f["name"] for f in compute.firewalls().list(project=project).execute()["items"]]

    done(compute, project, compute.firewalls().patch(
        project=project, firewall="e2e-apc-fw", body={"sourceRanges": ["198.51.100.0/24", "203.0.113.7"]}).execute())
    patched = compute.firewalls().get(project=project, firewall="e2e-apc-fw").execute()
    assert patched["sourceRanges"] == ["198.51.100.0/24", "203.0.113.7"] and patched["id"] == got["id"]
    assert patched["allowed"] == body["allowed"]

    done(compute, project, compute.firewalls().update(
        project=project, firewall="e2e-apc-fw",
        body={"name": "e2e-apc-fw", "allowed": [{"IPProtocol": "udp", "ports": ["53"]}]}).execute())
    updated = compute.firewalls().get(project=project, firewall="e2e-apc-fw").execute()
    assert updated["allowed"] == [{"IPProtocol": "udp", "ports": ["53"]}] and "targetTags" not in updated
    assert updated["sourceRanges"] == ["0.0.0.0/0"] and updated["priority"] == 1000

    with pytest.raises(HttpError) as refused:
        compute.firewalls().insert(project=project, body={
            "name": "e2e-deny", "denied": [{"IPProtocol": "tcp"}]}).execute()
    assert refused.value.resp.status == 400 and "resource.denied" in str(refused.value)

    done(compute, project, compute.firewalls().delete(project=project, firewall="e2e-apc-fw").execute())
    with pytest.raises(HttpError) as gone:
        compute.firewalls().get(project=project, firewall="e2e-apc-fw").execute()
    assert gone.value.resp.status == 404


def test_google_cloud_compute_firewalls_client(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    options = {"api_endpoint": stackbridge.gce_base_url}
    creds = credentials(stackbridge)
    firewalls = compute_v1.FirewallsClient(credentials=creds, client_options=options)
    operations = compute_v1.GlobalOperationsClient(credentials=creds, client_options=options)
    project = stackbridge.project

    def finish(operation):
        for _ in range(100):
            done = operations.wait(project=project, operation=operation.name)
            if done.status == compute_v1.Operation.Status.DONE:
                assert not done.error.errors, done.error
                return done
        raise AssertionError("operation never finished")

    resource = compute_v1.Firewall(
        name="e2e-gapic-fw", direction="EGRESS", destination_ranges=["192.0.2.0/24"],
        allowed=[compute_v1.Allowed(I_p_protocol="tcp", ports=["443"])])
    finish(firewalls.insert_unary(project=project, firewall_resource=resource))
    got = firewalls.get(project=project, firewall="e2e-gapic-fw")
    assert got.direction == "EGRESS" and list(got.destination_ranges) == ["192.0.2.0/24"]
    assert [(a.I_p_protocol, list(a.ports)) for a in got.allowed] == [("tcp", ["443"])]
    assert "e2e-gapic-fw" in [f.name for f in firewalls.list(project=project)]

    finish(firewalls.patch_unary(project=project, firewall="e2e-gapic-fw",
                                 firewall_resource=compute_v1.Firewall(priority=42)))
    assert firewalls.get(project=project, firewall="e2e-gapic-fw").priority == 42
    got.priority = 7
    got.description = "updated whole"
    finish(firewalls.update_unary(project=project, firewall="e2e-gapic-fw", firewall_resource=got))
    updated = firewalls.get(project=project, firewall="e2e-gapic-fw")
    assert updated.priority == 7 and updated.description == "updated whole" and updated.id == got.id

    finish(firewalls.delete_unary(project=project, firewall="e2e-gapic-fw"))
    assert "e2e-gapic-fw" not in [f.name for f in firewalls.list(project=project)]


@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    return libcloud_driver(stackbridge, tmp_path_factory.mktemp("libcloud-firewalls"))


def test_libcloud_create_list_destroy_firewall(driver):
    firewall = driver.ex_create_firewall("e2e-libcloud-fw", allowed=[{"IPProtocol": "tcp", "ports": ["2222"]}],
                                         target_tags=["e2e-lc"], description="from libcloud")
    assert firewall.name == "e2e-libcloud-fw" and firewall.source_ranges == ["0.0.0.0/0"]
    assert firewall.allowed == [{"IPProtocol": "tcp", "ports": ["2222"]}] and firewall.target_tags == ["e2e-lc"]
    assert firewall.network.name == "default"
    listed = [f for f in driver.ex_list_firewalls() if f.name == "e2e-libcloud-fw"]
    assert len(listed) == 1 and listed[0].id == firewall.id
    assert driver.ex_destroy_firewall(firewall)
    assert "e2e-libcloud-fw" not in [f.name for f in driver.ex_list_firewalls()]


def test_tagged_instance_gets_exactly_the_traffic_its_firewall_opens(compute, cloudstack, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    done(compute, project, compute.firewalls().insert(project=project, body={
        "name": "e2e-open-web", "sourceRanges": ["203.0.113.0/24"], "targetTags": ["e2e-web"],
        "allowed": [{"IPProtocol": "tcp", "ports": ["8080-8081"]}]}).execute())
    done(compute, project, compute.instances().insert(project=project, zone=zone, body={
        "name": "e2e-fw-vm", "machineType": machine_type["selfLink"], "tags": {"items": ["e2e-web"]},
        "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}]}).execute(), zone)
    try:
        vm = next(v for v in cloudstack.listVirtualMachines(listall=True, fetch_list=True) if v["name"] == "e2e-fw-vm")
        assert sorted(g["name"] for g in vm["securitygroup"]) == ["default", "gce-tag-e2e-web"]
        groups = user_groups(cloudstack)
        rules = [(r["protocol"], r["startport"], r["endport"], r["cidr"]) for r in groups["gce-tag-e2e-web"]["ingressrule"]]
        assert rules == [("tcp", 8080, 8081, "203.0.113.0/24")]
        # Nothing else is opened for it: the default group (which every instance is in) carries no rule of this firewall.
        assert not [r for r in groups["default"].get("ingressrule", []) if r.get("startport") == 8080]
        effective = compute.instances().getEffectiveFirewalls(
            project=project, zone=zone, instance="e2e-fw-vm", networkInterface="nic0").execute()
        assert "e2e-open-web" in [f["name"] for f in effective["firewalls"]]
    finally:
        done(compute, project, compute.instances().delete(project=project, zone=zone, instance="e2e-fw-vm").execute(), zone)
        done(compute, project, compute.firewalls().delete(project=project, firewall="e2e-open-web").execute())
    groups = user_groups(cloudstack)
    assert groups["gce-tag-e2e-web"].get("ingressrule", []) == []
    tags = cloudstack.listTags(resourcetype="SecurityGroupRule", listall=True, fetch_list=True)
    assert not [t for t in tags if t["key"] == "gce-firewall" and t["value"] == "e2e-open-web"]


@pytest.fixture(scope="module")
def vpc_network(compute, stackbridge):
    """A custom network (a CloudStack VPC) with one subnetwork, made and removed through the bridge."""
    project = stackbridge.project
    region = compute.regions().list(project=project).execute()["items"][0]["name"]
    wait_operation(compute, project, compute.networks().insert(project=project, body={
        "name": "e2e-fw-vpc", "autoCreateSubnetworks": False}).execute())
    wait_operation(compute, project, compute.subnetworks().insert(project=project, region=region, body={
        "name": "e2e-fw-vpc-web", "network": "global/networks/e2e-fw-vpc", "ipCidrRange": "10.62.1.0/24"}).execute())
    yield compute.networks().get(project=project, network="e2e-fw-vpc").execute()
    wait_operation(compute, project, compute.subnetworks().delete(
        project=project, region=region, subnetwork="e2e-fw-vpc-web").execute())
    wait_operation(compute, project, compute.networks().delete(project=project, network="e2e-fw-vpc").execute())


def acl_items(cloudstack, vpc_name):
    """The items of the VPC's gce-firewalls list as CloudStack holds them, in rule-number order."""
    vpc = next(v for v in cloudstack.listVPCs(listall=True, fetch_list=True) if v["name"] == vpc_name)
    acl = next(a for a in cloudstack.listNetworkACLLists(vpcid=vpc["id"], listall=True, fetch_list=True)
               if a["name"] == "gce-firewalls")
    items = cloudstack.listNetworkACLs(aclid=acl["id"], listall=True, fetch_list=True)
    return sorted(items, key=lambda item: item["number"])


def test_api_python_client_firewalls_on_a_vpc_network(compute, cloudstack, stackbridge, vpc_network):
    project = stackbridge.project
    allow = {"name": "e2e-vpc-allow", "network": vpc_network["selfLink"], "priority": 900,
             "sourceRanges": ["198.51.100.0/24"], "allowed": [{"IPProtocol": "tcp", "ports": ["22", "80-81"]}]}
    deny = {"name": "e2e-vpc-deny", "network": vpc_network["selfLink"], "priority": 900,
            "sourceRanges": ["198.51.100.7"], "denied": [{"IPProtocol": "tcp", "ports": ["22"]}]}
    for body in (allow, deny):
        done(compute, project, compute.firewalls().insert(project=project, body=body).execute())
    try:
        got = compute.firewalls().get(project=project, firewall="e2e-vpc-deny").execute()
        for key, value in deny.items():
            assert got[key] == value, key
        assert "allowed" not in got and got["direction"] == "INGRESS"
        items = [(i["number"], i["action"], i["traffictype"], i["protocol"], i.get("startport"), i["cidrlist"])
                 for i in acl_items(cloudstack, "e2e-fw-vpc")]
        # The deny runs first (its priority's deny numbers), then the allows, as GCE orders them.
        assert items == [(900001, "Deny", "Ingress", "tcp", "22", "198.51.100.7/32"),
                         (900500, "Allow", "Ingress", "tcp", "22", "198.51.100.0/24"),
                         (900501, "Allow", "Ingress", "tcp", "80", "198.51.100.0/24")]
        listed = {f["name"]: f for f in compute.firewalls().list(project=project).execute()["items"]}
        assert listed["e2e-vpc-allow"]["network"] == vpc_network["selfLink"]
        effective = compute.networks().getEffectiveFirewalls(project=project, network="e2e-fw-vpc").execute()
        assert sorted(f["name"] for f in effective["firewalls"]) == ["e2e-vpc-allow", "e2e-vpc-deny"]

        done(compute, project, compute.firewalls().patch(
            project=project, firewall="e2e-vpc-allow", body={"priority": 100}).execute())
        assert acl_items(cloudstack, "e2e-fw-vpc")[0]["number"] == 100500
        done(compute, project, compute.firewalls().update(project=project, firewall="e2e-vpc-allow", body={
            "name": "e2e-vpc-allow", "direction": "EGRESS", "destinationRanges": ["192.0.2.0/24"],
            "allowed": [{"IPProtocol": "udp", "ports": ["53"]}]}).execute())
        updated = compute.firewalls().get(project=project, firewall="e2e-vpc-allow").execute()
        assert updated["network"] == vpc_network["selfLink"] and updated["direction"] == "EGRESS"
        assert updated["destinationRanges"] == ["192.0.2.0/24"] and updated["priority"] == 1000

        with pytest.raises(HttpError) as refused:
            compute.firewalls().insert(project=project, body={
                "name": "e2e-vpc-tagged", "network": vpc_network["selfLink"], "targetTags": ["web"],
                "allowed": [{"IPProtocol": "tcp"}]}).execute()
        assert refused.value.resp.status == 400 and "resource.targetTags" in str(refused.value)
    finally:
        for name in ("e2e-vpc-allow", "e2e-vpc-deny"):
            done(compute, project, compute.firewalls().delete(project=project, firewall=name).execute())
    assert acl_items(cloudstack, "e2e-fw-vpc") == []


def test_google_cloud_compute_firewalls_client_on_a_vpc_network(stackbridge, cloudstack, vpc_network):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    options = {"api_endpoint": stackbridge.gce_base_url}
    creds = credentials(stackbridge)
    firewalls = compute_v1.FirewallsClient(credentials=creds, client_options=options)
    operations = compute_v1.GlobalOperationsClient(credentials=creds, client_options=options)
    project = stackbridge.project

    def finish(operation):
        for _ in range(100):
            done = operations.wait(project=project, operation=operation.name)
            if done.status == compute_v1.Operation.Status.DONE:
                assert not done.error.errors, done.error
                return done
        raise AssertionError("operation never finished")

    resource = compute_v1.Firewall(
        name="e2e-gapic-vpc-deny", network=vpc_network["selfLink"], priority=10, direction="EGRESS",
        destination_ranges=["203.0.113.0/24"], denied=[compute_v1.Denied(I_p_protocol="all")])
    finish(firewalls.insert_unary(project=project, firewall_resource=resource))
    got = firewalls.get(project=project, firewall="e2e-gapic-vpc-deny")
    assert got.network == vpc_network["selfLink"] and got.priority == 10 and got.direction == "EGRESS"
    assert [d.I_p_protocol for d in got.denied] == ["all"] and not got.allowed
    items = acl_items(cloudstack, "e2e-fw-vpc")
    assert [(i["number"], i["action"], i["traffictype"], i["protocol"]) for i in items] == [(10001, "Deny", "Egress", "all")]
    finish(firewalls.patch_unary(project=project, firewall="e2e-gapic-vpc-deny",
                                 firewall_resource=compute_v1.Firewall(description="no egress to the test net")))
    assert firewalls.get(project=project, firewall="e2e-gapic-vpc-deny").description == "no egress to the test net"
    finish(firewalls.delete_unary(project=project, firewall="e2e-gapic-vpc-deny"))
    assert "e2e-gapic-vpc-deny" not in [f.name for f in firewalls.list(project=project)]
    assert acl_items(cloudstack, "e2e-fw-vpc") == []

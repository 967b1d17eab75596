"""Instance groups (issue 15) with google-api-python-client (the bridge's discovery document),
google-cloud-compute's InstanceGroupsClient and libcloud's GCE driver (ex_*instancegroup*).

A GCE group is a CloudStack instance group named `<zone>/<name>` (docs/decisions/0014-gce-instance-groups.md):
a CloudStack VM is in one group at most, named ports cannot be kept, removeInstances re-creates the group.
libcloud's ex_create_multiple_nodes inserts one instance at a time (it does not use instances.bulkInsert).
"""

import datetime
import json
import os
import time
import urllib.parse

import libcloud.security
import pytest
from google.cloud import compute_v1
from googleapiclient.errors import HttpError
from libcloud.compute.drivers.gce import GCENodeDriver

from gce_support import compute_client, authorization_code_grant, credentials, first_zone_and_image


def wait(compute, project, zone, operation):
    for _ in range(60):
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
        time.sleep(0.2)
    raise AssertionError("operation never finished")


@pytest.fixture(scope="module")
def compute(stackbridge):
    return compute_client(stackbridge)


@pytest.fixture(scope="module")
def setting(compute, stackbridge):
    """Two running instances in the basic zone, deleted at the end."""
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    names = ["e2e-ig-1", "e2e-ig-2"]
    for name in names:
        body = {"name": name, "machineType": machine_type["selfLink"],
                "disks": [{"boot": True, "autoDelete": True, "initializeParams": {"sourceImage": image["selfLink"]}}]}
        wait(compute, project, zone, compute.instances().insert(project=project, zone=zone, body=body).execute())
    links = [compute.instances().get(project=project, zone=zone, instance=n).execute()["selfLink"] for n in names]
    yield zone, links
    for name in names:
        wait(compute, project, zone, compute.instances().delete(project=project, zone=zone, instance=name).execute())


def member_names(listed):
    return sorted(item["instance"].rsplit("/", 1)[-1] for item in listed.get("items", []))


def test_api_python_client(compute, setting, stackbridge):
    project = stackbridge.project
    zone, links = setting
    groups = compute.instanceGroups()
    wait(compute, project, zone, groups.insert(project=project, zone=zone, body={"name": "e2e-apc"}).execute())
    with pytest.raises(HttpError) as refused:
        groups.insert(project=project, zone=zone, body={"name": "e2e-apc2", "description": "tier"}).execute()
    assert refused.value.resp.status == 400 and "description" in str(refused.value)
    wait(compute, project, zone, groups.addInstances(project=project, zone=zone, instanceGroup="e2e-apc",
                                                     body={"instances": [{"instance": link} for link in links]}).execute())
    got = groups.get(project=project, zone=zone, instanceGroup="e2e-apc").execute()
    assert got["size"] == 2 and got["zone"].endswith(f"/zones/{zone}")
    listed = groups.listInstances(project=project, zone=zone, instanceGroup="e2e-apc", body={"instanceState": "ALL"}).execute()
    assert member_names(listed) == ["e2e-ig-1", "e2e-ig-2"]
    assert "e2e-apc" in [g["name"] for g in groups.list(project=project, zone=zone).execute().get("items", [])]
    aggregated = groups.aggregatedList(project=project).execute()["items"]
    assert "e2e-apc" in [g["name"] for g in aggregated[f"zones/{zone}"]["instanceGroups"]]
    wait(compute, project, zone, groups.removeInstances(project=project, zone=zone, instanceGroup="e2e-apc",
                                                        body={"instances": [{"instance": links[0]}]}).execute())
    listed = groups.listInstances(project=project, zone=zone, instanceGroup="e2e-apc", body={}).execute()
    assert member_names(listed) == ["e2e-ig-2"]
    fingerprint = groups.get(project=project, zone=zone, instanceGroup="e2e-apc").execute()["fingerprint"]
    wait(compute, project, zone, groups.setNamedPorts(project=project, zone=zone, instanceGroup="e2e-apc",
                                                      body={"namedPorts": [], "fingerprint": fingerprint}).execute())
    wait(compute, project, zone, groups.delete(project=project, zone=zone, instanceGroup="e2e-apc").execute())
    with pytest.raises(HttpError) as gone:
        groups.get(project=project, zone=zone, instanceGroup="e2e-apc").execute()
    assert gone.value.resp.status == 404


def test_google_cloud_compute(setting, stackbridge):
    project = stackbridge.project
    zone, links = setting
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    options = {"api_endpoint": stackbridge.gce_base_url}
    creds = credentials(stackbridge)
    groups = compute_v1.InstanceGroupsClient(credentials=creds, client_options=options)
    ops = compute_v1.ZoneOperationsClient(credentials=creds, client_options=options)

    def finish(operation):
        done = ops.wait(project=project, zone=zone, operation=operation.name)
        assert done.status == compute_v1.Operation.Status.DONE and not done.error.errors
        return done

    finish(groups.insert_unary(project=project, zone=zone, instance_group_resource=compute_v1.InstanceGroup(name="e2e-gapic")))
    got = groups.get(project=project, zone=zone, instance_group="e2e-gapic")
    assert got.name == "e2e-gapic" and got.size == 0
    assert "e2e-gapic" in [g.name for g in groups.list(project=project, zone=zone)]
    aggregated = dict(groups.aggregated_list(project=project))
    assert "e2e-gapic" in [g.name for g in aggregated[f"zones/{zone}"].instance_groups]
    request = compute_v1.InstanceGroupsAddInstancesRequest(
        instances=[compute_v1.InstanceReference(instance=link) for link in links])
    finish(groups.add_instances_unary(project=project, zone=zone, instance_group="e2e-gapic",
                                      instance_groups_add_instances_request_resource=request))
    running = compute_v1.InstanceGroupsListInstancesRequest(instance_state="RUNNING")
    members = list(groups.list_instances(project=project, zone=zone, instance_group="e2e-gapic",
                                         instance_groups_list_instances_request_resource=running))
    assert sorted(m.instance for m in members) == sorted(links) and all(m.status == "RUNNING" for m in members)
    remove = compute_v1.InstanceGroupsRemoveInstancesRequest(instances=[compute_v1.InstanceReference(instance=links[1])])
    finish(groups.remove_instances_unary(project=project, zone=zone, instance_group="e2e-gapic",
                                         instance_groups_remove_instances_request_resource=remove))
    assert groups.get(project=project, zone=zone, instance_group="e2e-gapic").size == 1
    ports = compute_v1.InstanceGroupsSetNamedPortsRequest(named_ports=[compute_v1.NamedPort(name="http", port=80)])
    with pytest.raises(Exception) as refused:
        groups.set_named_ports_unary(project=project, zone=zone, instance_group="e2e-gapic",
                                     instance_groups_set_named_ports_request_resource=ports)
    assert "namedPorts" in str(refused.value)
    finish(groups.delete_unary(project=project, zone=zone, instance_group="e2e-gapic"))
    assert "e2e-gapic" not in [g.name for g in groups.list(project=project, zone=zone)]


@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    grant = authorization_code_grant(stackbridge)
    expire = datetime.datetime.utcnow() - datetime.timedelta(seconds=60)
    token_file = tmp_path_factory.mktemp("libcloud-groups") / "token.json"
    token_file.write_text(json.dumps({"access_token": grant["access_token"], "refresh_token": grant["refresh_token"],
                                      "token_type": "Bearer", "expire_time": expire.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    url = urllib.parse.urlparse(stackbridge.gce_base_url)
    driver = GCENodeDriver(stackbridge.api_key, stackbridge.secret_key, project=stackbridge.project, auth_type="IA",
                           credential_file=str(token_file))
    for connection in (driver.connection, driver.connection.oauth2_credential.oauth2_conn):
        connection.host = url.hostname
        connection.port = url.port
        connection.connect()
    return driver


def test_libcloud(driver, setting):
    zone_name, links = setting
    zone = driver.ex_get_zone(zone_name)
    group = driver.ex_create_instancegroup("e2e-libcloud", zone)
    assert group.name == "e2e-libcloud"
    assert "e2e-libcloud" in [g.name for g in driver.ex_list_instancegroups(zone)]
    nodes = [driver.ex_get_node(link.rsplit("/", 1)[-1], zone_name) for link in links]
    assert driver.ex_instancegroup_add_instances(group, nodes)
    assert sorted(n.name for n in driver.ex_instancegroup_list_instances(group)) == ["e2e-ig-1", "e2e-ig-2"]
    assert driver.ex_instancegroup_remove_instances(group, nodes[:1])
    assert [n.name for n in driver.ex_instancegroup_list_instances(group)] == ["e2e-ig-2"]
    assert driver.ex_instancegroup_set_named_ports(group, [])
    with pytest.raises(Exception) as refused:
        driver.ex_instancegroup_set_named_ports(group, [{"name": "http", "port": 80}])
    assert "namedPorts" in str(refused.value)
    assert driver.ex_destroy_instancegroup(group)
    assert "e2e-libcloud" not in [g.name for g in driver.ex_list_instancegroups(zone)]

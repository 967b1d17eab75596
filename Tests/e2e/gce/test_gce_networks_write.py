"""Network writes (issue 15, decision 0011) with google-api-python-client, google-cloud-compute's NetworksClient
and SubnetworksClient, and libcloud's GCE driver: a network is a CloudStack VPC, its subnetworks are the VPC's
tiers, an instance's interface names both and they resolve; each test deletes what it made and checks the
simulator (through the bridge's own answers) has nothing left."""

import time

import google_auth_httplib2
import httplib2
import pytest
from google.api_core import exceptions as google_exceptions
from google.cloud import compute_v1
from cs import CloudStack
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from libcloud.compute.types import NodeState

from gce_support import credentials, libcloud_driver, wait_operation as wait


@pytest.fixture(scope="module")
def compute(stackbridge):
    creds = credentials(stackbridge)
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file))
    # The bridge's own discovery document: it must hold every method used here.
    return build("compute", "v1", http=http,
                 discoveryServiceUrl=stackbridge.gce_base_url + "/discovery/v1/apis/{api}/{apiVersion}/rest")


@pytest.fixture(scope="module")
def clients(stackbridge):
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["NetworksClient", "SubnetworksClient", "RegionsClient", "GlobalOperationsClient",
                         "RegionOperationsClient"]}


@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    return libcloud_driver(stackbridge, tmp_path_factory.mktemp("libcloud-networks-write"))


def region_of(compute, project):
    return compute.regions().list(project=project).execute()["items"][0]["name"]


def test_api_python_client_custom_network_subnetwork_patch_and_delete(compute, stackbridge):
    project = stackbridge.project
    region = region_of(compute, project)
    op = compute.networks().insert(project=project, body={
        "name": "e2e-apc", "autoCreateSubnetworks": False, "description": "api client"}).execute()
    assert op["operationType"] == "insert"
    wait(compute, project, op)
    network = compute.networks().get(project=project, network="e2e-apc").execute()
    assert network["autoCreateSubnetworks"] is False and network["description"] == "api client"
    with pytest.raises(HttpError) as refused:
        compute.networks().insert(project=project, body={
            "name": "e2e-legacy", "IPv4Range": "10.0.0.0/16"}).execute()
    assert refused.value.resp.status == 400 and "IPv4Range" in refused.value.content.decode()

    op = compute.subnetworks().insert(project=project, region=region, body={
        "name": "e2e-apc-web", "network": network["selfLink"], "ipCidrRange": "10.61.1.0/24"}).execute()
    wait(compute, project, op)
    subnetwork = compute.subnetworks().get(project=project, region=region, subnetwork="e2e-apc-web").execute()
    assert subnetwork["network"] == network["selfLink"]
    assert subnetwork["gatewayAddress"] == "10.61.1.1"
    with pytest.raises(HttpError) as overlapping:
        compute.subnetworks().insert(project=project, region=region, body={
            "name": "e2e-apc-web2", "network": network["selfLink"], "ipCidrRange": "10.61.1.0/25"}).execute()
    assert overlapping.value.resp.status == 400 and "ipCidrRange" in overlapping.value.content.decode()

    op = compute.subnetworks().patch(project=project, region=region, subnetwork="e2e-apc-web", body={
        "description": "web tier", "fingerprint": subnetwork["fingerprint"]}).execute()
    wait(compute, project, op)
    assert compute.subnetworks().get(project=project, region=region,
                                     subnetwork="e2e-apc-web").execute()["description"] == "web tier"
    op = compute.networks().patch(project=project, network="e2e-apc", body={"description": "patched"}).execute()
    wait(compute, project, op)
    assert compute.networks().get(project=project, network="e2e-apc").execute()["description"] == "patched"
    usable = compute.subnetworks().listUsable(project=project).execute()
    assert any(item["subnetwork"] == subnetwork["selfLink"] for item in usable["items"])

    with pytest.raises(HttpError) as in_use:
        compute.networks().delete(project=project, network="e2e-apc").execute()
    assert in_use.value.resp.status == 400 and "resourceInUseByAnotherResource" in in_use.value.content.decode()
    wait(compute, project, compute.subnetworks().delete(project=project, region=region, subnetwork="e2e-apc-web").execute())
    wait(compute, project, compute.networks().delete(project=project, network="e2e-apc").execute())
    names = [n["name"] for n in compute.networks().list(project=project).execute()["items"]]
    assert "e2e-apc" not in names
    subnetworks = compute.subnetworks().list(project=project, region=region).execute().get("items", [])
    assert "e2e-apc-web" not in [s["name"] for s in subnetworks]


def gcc_wait(clients, project, operation, region=None):
    """Waits with the operations clients (ExtendedOperation.result() builds its own client on Google's host)."""
    for _ in range(100):
        if region:
            done = clients["RegionOperationsClient"].wait(project=project, region=region, operation=operation.name)
        else:
            done = clients["GlobalOperationsClient"].wait(project=project, operation=operation.name)
        if done.status == compute_v1.Operation.Status.DONE:
            assert not done.error.errors, done.error
            return done
        time.sleep(0.2)
    raise AssertionError("operation never finished")


def test_google_cloud_compute_networks_and_subnetworks_clients(clients, stackbridge):
    project = stackbridge.project
    networks, subnetworks = clients["NetworksClient"], clients["SubnetworksClient"]
    region = list(clients["RegionsClient"].list(project=project))[0].name
    gcc_wait(clients, project, networks.insert_unary(project=project, network_resource=compute_v1.Network(
        name="e2e-gcc", auto_create_subnetworks=False)))
    network = networks.get(project=project, network="e2e-gcc")
    assert network.auto_create_subnetworks is False
    gcc_wait(clients, project, subnetworks.insert_unary(project=project, region=region, subnetwork_resource=compute_v1.Subnetwork(
        name="e2e-gcc-a", network=network.self_link, ip_cidr_range="10.62.0.0/24")), region)
    got = subnetworks.get(project=project, region=region, subnetwork="e2e-gcc-a")
    assert got.ip_cidr_range == "10.62.0.0/24" and got.network == network.self_link
    assert [s.name for s in subnetworks.list(project=project, region=region) if s.name == "e2e-gcc-a"] == ["e2e-gcc-a"]
    gcc_wait(clients, project, networks.patch_unary(project=project, network="e2e-gcc",
                                                    network_resource=compute_v1.Network(description="from gcc")))
    assert networks.get(project=project, network="e2e-gcc").description == "from gcc"
    gcc_wait(clients, project, subnetworks.patch_unary(
        project=project, region=region, subnetwork="e2e-gcc-a",
        subnetwork_resource=compute_v1.Subnetwork(description="tier a", fingerprint=got.fingerprint)), region)
    assert subnetworks.get(project=project, region=region, subnetwork="e2e-gcc-a").description == "tier a"
    with pytest.raises(google_exceptions.BadRequest):
        networks.patch_unary(project=project, network="e2e-gcc", network_resource=compute_v1.Network(
            routing_config=compute_v1.NetworkRoutingConfig(routing_mode="GLOBAL")))
    gcc_wait(clients, project, subnetworks.delete_unary(project=project, region=region, subnetwork="e2e-gcc-a"), region)
    gcc_wait(clients, project, networks.delete_unary(project=project, network="e2e-gcc"))
    assert "e2e-gcc" not in [n.name for n in networks.list(project=project)]
    with pytest.raises(google_exceptions.NotFound):
        networks.get(project=project, network="e2e-gcc")


def test_libcloud_networks_subnetworks_and_a_node_on_them(driver, stackbridge):
    auto = driver.ex_create_network("e2e-lc-auto", None, mode="auto")
    assert auto.name == "e2e-lc-auto"
    assert driver.ex_get_network("e2e-lc-auto").extra["autoCreateSubnetworks"] is True
    assert driver.ex_destroy_network(auto)

    custom = driver.ex_create_network("e2e-lc", None, mode="custom", description="libcloud")
    region = driver.ex_list_regions()[0]
    subnet = driver.ex_create_subnetwork("e2e-lc-web", cidr="10.63.5.0/24", network=custom, region=region)
    assert subnet.cidr == "10.63.5.0/24"
    zone = next(z for z in driver.ex_list_zones() if "advanced" in z.name)
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{zone.extra['selfLink']}/diskTypes/small"}})()
    node = driver.create_node("e2e-lc-net-node", size, image, location=zone, ex_network=custom, ex_subnetwork=subnet,
                              internal_ip="10.63.5.20", external_ip=None, ex_disk_type=disk_type)
    try:
        assert node.state == NodeState.RUNNING
        interface = node.extra["networkInterfaces"][0]
        assert interface["network"] == custom.extra["selfLink"]
        assert interface["subnetwork"] == subnet.extra["selfLink"]
        assert interface["networkIP"] == "10.63.5.20"
        assert node.private_ips == ["10.63.5.20"]
    finally:
        assert driver.destroy_node(node)
    assert "e2e-lc-net-node" not in [n.name for n in driver.list_nodes(ex_zone=zone)]
    # CloudStack deletes a tier only once its VMs are expunged (expunge.delay); until then the bridge refuses the
    # delete saying so. An operator expunges the VM here, as CloudStack's expunge thread would later.
    with pytest.raises(Exception) as waiting:
        driver.ex_destroy_subnetwork(subnet)
    assert "expunge" in str(waiting.value)
    admin = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                       secret=stackbridge.admin_secret, fetch_result=True, poll_interval=0.2, job_timeout=60)
    destroyed = [vm for vm in admin.listVirtualMachines(listall="true", name="e2e-lc-net-node", fetch_list=True)]
    assert [vm["state"] for vm in destroyed] == ["Destroyed"]
    admin.expungeVirtualMachine(id=destroyed[0]["id"])
    assert driver.ex_destroy_subnetwork(subnet)
    assert driver.ex_destroy_network(custom)
    assert "e2e-lc" not in [n.name for n in driver.ex_list_networks()]

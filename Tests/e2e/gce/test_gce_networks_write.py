"""Network writes (issue 15, decision 0011) with google-api-python-client, google-cloud-compute's NetworksClient
and SubnetworksClient, and libcloud's GCE driver: a network is a CloudStack VPC, its subnetworks are the VPC's
tiers, an instance's interface names both and they resolve; each test deletes what it made and checks the
simulator (through the bridge's own answers) has nothing left."""


import google_auth_httplib2
import httplib2
import pytest
from google.api_core import exceptions as google_exceptions
from google.cloud import compute_v1
from cs import CloudStack
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from libcloud.compute.types import NodeState

from gce_support import credentials, finish_operation as gcc_wait, libcloud_driver, wait_operation as wait


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
                         "RegionOperationsClient", "InstancesClient", "ZoneOperationsClient"]}


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


@pytest.fixture(scope="module")
def two_tiers(compute, stackbridge):
    """A custom network with the subnetworks `e2e-nics-a` and `e2e-nics-b` and an instance on the first, all removed
    at the end (the instance expunged by an operator first: CloudStack keeps a tier while a destroyed VM is on it)."""
    project, region = stackbridge.project, region_of(compute, stackbridge.project)
    zone = next(z["name"] for z in compute.zones().list(project=project).execute()["items"] if "advanced" in z["name"])
    wait(compute, project, compute.networks().insert(
        project=project, body={"name": "e2e-nics", "autoCreateSubnetworks": False}).execute())
    links = {}
    for name, cidr in [("e2e-nics-a", "10.64.1.0/24"), ("e2e-nics-b", "10.64.2.0/24")]:
        wait(compute, project, compute.subnetworks().insert(project=project, region=region, body={
            "name": name, "network": "global/networks/e2e-nics", "ipCidrRange": cidr}).execute())
        links[name] = compute.subnetworks().get(project=project, region=region, subnetwork=name).execute()["selfLink"]
    image = next(i for i in compute.images().list(project=project).execute()["items"] if i["status"] == "READY")
    machine = min(compute.machineTypes().list(project=project, zone=zone).execute()["items"], key=lambda t: t["memoryMb"])
    wait(compute, project, compute.instances().insert(project=project, zone=zone, body={
        "name": "e2e-nics-vm", "machineType": machine["selfLink"],
        "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
        "networkInterfaces": [{"subnetwork": links["e2e-nics-a"]}]}).execute())
    yield {"zone": zone, "region": region, "links": links}
    wait(compute, project, compute.instances().delete(project=project, zone=zone, instance="e2e-nics-vm").execute())
    admin = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                       secret=stackbridge.admin_secret, fetch_result=True, poll_interval=0.2, job_timeout=60)
    for vm in admin.listVirtualMachines(listall="true", name="e2e-nics-vm", fetch_list=True):
        admin.expungeVirtualMachine(id=vm["id"])
    for name in links:
        wait(compute, project, compute.subnetworks().delete(project=project, region=region, subnetwork=name).execute())
    wait(compute, project, compute.networks().delete(project=project, network="e2e-nics").execute())


def interfaces(compute, project, zone):
    return compute.instances().get(project=project, zone=zone, instance="e2e-nics-vm").execute()["networkInterfaces"]


def test_api_python_client_adds_and_deletes_a_network_interface(compute, two_tiers, stackbridge):
    project, zone, links = stackbridge.project, two_tiers["zone"], two_tiers["links"]
    op = compute.instances().addNetworkInterface(project=project, zone=zone, instance="e2e-nics-vm", body={
        "network": "global/networks/e2e-nics", "subnetwork": links["e2e-nics-b"], "networkIP": "10.64.2.9"}).execute()
    assert op["operationType"] == "addNetworkInterface" and op["targetLink"].endswith("/instances/e2e-nics-vm")
    wait(compute, project, op)
    nics = interfaces(compute, project, zone)
    assert [(n["name"], n["subnetwork"], n["networkIP"].startswith("10.64.")) for n in nics] == [
        ("nic0", links["e2e-nics-a"], True), ("nic1", links["e2e-nics-b"], True)]
    assert nics[1]["networkIP"] == "10.64.2.9"
    # A second interface on a subnetwork the instance already uses, an access config on a new interface, and the
    # default NIC's removal are refused, each naming what CloudStack cannot do.
    for body, field in [({"subnetwork": links["e2e-nics-b"]}, "subnetwork"),
                        ({"subnetwork": links["e2e-nics-b"], "accessConfigs": [{"type": "ONE_TO_ONE_NAT"}]},
                         "accessConfigs")]:
        with pytest.raises(HttpError) as refused:
            compute.instances().addNetworkInterface(project=project, zone=zone, instance="e2e-nics-vm", body=body).execute()
        assert refused.value.resp.status == 400 and field in str(refused.value.content), refused.value.content
    with pytest.raises(HttpError) as refused:
        compute.instances().deleteNetworkInterface(project=project, zone=zone, instance="e2e-nics-vm",
                                                   networkInterfaceName="nic0").execute()
    assert refused.value.resp.status == 400
    wait(compute, project, compute.instances().deleteNetworkInterface(
        project=project, zone=zone, instance="e2e-nics-vm", networkInterfaceName="nic1").execute())
    assert [n["name"] for n in interfaces(compute, project, zone)] == ["nic0"]


def test_google_cloud_compute_adds_and_deletes_a_network_interface(clients, two_tiers, stackbridge):
    project, zone, links = stackbridge.project, two_tiers["zone"], two_tiers["links"]
    instances = clients["InstancesClient"]
    gcc_wait(clients, project, instances.add_network_interface_unary(
        project=project, zone=zone, instance="e2e-nics-vm",
        network_interface_resource=compute_v1.NetworkInterface(subnetwork=links["e2e-nics-b"])), zone=zone)
    nics = instances.get(project=project, zone=zone, instance="e2e-nics-vm").network_interfaces
    assert [(n.name, n.subnetwork) for n in nics] == [("nic0", links["e2e-nics-a"]), ("nic1", links["e2e-nics-b"])]
    assert nics[1].network_i_p.startswith("10.64.2.")
    with pytest.raises(google_exceptions.BadRequest):
        instances.delete_network_interface_unary(project=project, zone=zone, instance="e2e-nics-vm",
                                                 network_interface_name="nic0")
    gcc_wait(clients, project, instances.delete_network_interface_unary(
        project=project, zone=zone, instance="e2e-nics-vm", network_interface_name="nic1"), zone=zone)
    assert [n.name for n in instances.get(project=project, zone=zone, instance="e2e-nics-vm").network_interfaces] == ["nic0"]

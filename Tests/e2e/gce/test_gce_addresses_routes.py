"""Addresses, access configs and routes (issue 15, docs/decisions/0013) with google-api-python-client,
google-cloud-compute and libcloud's GCE driver.

Addresses are CloudStack public IPs, which CloudStack acquires for an isolated network or a VPC in an advanced zone
without security groups: the module first launches an instance in the simulator's advanced zone, which gives the
account its isolated network. Routes need a CloudStack VPC with a private gateway (admin-only in 4.18), made through
the simulator's CloudStack API as the EC2 suite does.
"""

import os
import sys

import google_auth_httplib2
import httplib2
import pytest
from google.api_core import exceptions as google_exceptions
from google.cloud import compute_v1
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from libcloud.common.google import GoogleBaseError

from gce_support import credentials, finish_operation as finish, libcloud_driver, wait_operation as wait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "ec2"))
from cloudstack_vpc import admin_view, cloudstack_vpc, user_view  # noqa: E402


@pytest.fixture(scope="module")
def compute(stackbridge):
    creds = credentials(stackbridge)
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file))
    return build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})


@pytest.fixture(scope="module")
def setting(compute, stackbridge):
    """The advanced zone, the region, and an instance there (`addr-base`), removed at the end."""
    project = stackbridge.project
    zone = next(z["name"] for z in compute.zones().list(project=project).execute()["items"] if "advanced" in z["name"])
    region = compute.regions().list(project=project).execute()["items"][0]["name"]
    image = next(i for i in compute.images().list(project=project).execute()["items"] if i["status"] == "READY")
    machine = min(compute.machineTypes().list(project=project, zone=zone).execute()["items"], key=lambda t: t["memoryMb"])
    body = {"name": "addr-base", "machineType": machine["selfLink"],
            "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{}]}
    wait(compute, project, compute.instances().insert(project=project, zone=zone, body=body).execute())
    yield {"zone": zone, "region": region, "image": image, "machine": machine}
    wait(compute, project, compute.instances().delete(project=project, zone=zone, instance="addr-base").execute())


@pytest.fixture(scope="module")
def clients(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["AddressesClient", "RoutesClient", "InstancesClient", "RegionOperationsClient",
                         "GlobalOperationsClient", "ZoneOperationsClient"]}



@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    return libcloud_driver(stackbridge, tmp_path_factory.mktemp("libcloud-addresses"))


def public_ips(stackbridge):
    """The account's public IPs as CloudStack holds them (ephemeral ones are not GCE addresses)."""
    return {ip["ipaddress"] for ip in user_view(stackbridge).listPublicIpAddresses(fetch_list=True)
            if not ip.get("issourcenat")}


def test_api_python_client_addresses_and_access_configs(compute, setting, stackbridge):
    project, region, zone = stackbridge.project, setting["region"], setting["zone"]
    op = compute.addresses().insert(project=project, region=region,
                                    body={"name": "e2e-web", "description": "web", "labels": {"env": "e2e"}}).execute()
    assert op["operationType"] == "insert" and op["targetLink"].endswith(f"/regions/{region}/addresses/e2e-web")
    wait(compute, project, op)
    address = compute.addresses().get(project=project, region=region, address="e2e-web").execute()
    assert address["status"] == "RESERVED" and address["addressType"] == "EXTERNAL"
    assert address["labels"] == {"env": "e2e"} and address["description"] == "web"
    names = [a["name"] for a in compute.addresses().list(project=project, region=region).execute()["items"]]
    assert "e2e-web" in names
    scopes = compute.addresses().aggregatedList(project=project).execute()["items"]
    assert "e2e-web" in [a["name"] for a in scopes[f"regions/{region}"]["addresses"]]
    wait(compute, project, compute.addresses().setLabels(
        project=project, region=region, resource="e2e-web",
        body={"labels": {"env": "two"}, "labelFingerprint": address["labelFingerprint"]}).execute())
    assert compute.addresses().get(project=project, region=region, address="e2e-web").execute()["labels"] == {"env": "two"}
    # What CloudStack cannot do is a 400 naming the field.
    for body, field in [({"name": "x", "addressType": "INTERNAL"}, "addressType"),
                        ({"name": "x", "networkTier": "STANDARD"}, "networkTier"),
                        ({"name": "x", "ipVersion": "IPV6"}, "ipVersion")]:
        with pytest.raises(HttpError) as refused:
            compute.addresses().insert(project=project, region=region, body=body).execute()
        assert refused.value.resp.status == 400 and field in str(refused.value.content)
    with pytest.raises(HttpError) as refused:
        compute.globalAddresses().insert(project=project, body={"name": "lb"}).execute()
    assert refused.value.resp.status == 400
    assert compute.globalAddresses().list(project=project).execute().get("items", []) == []
    # The reserved address as the base instance's access config, then removed again.
    wait(compute, project, compute.instances().addAccessConfig(
        project=project, zone=zone, instance="addr-base", networkInterface="nic0",
        body={"name": "external-nat", "type": "ONE_TO_ONE_NAT", "natIP": address["address"]}).execute())
    vm = compute.instances().get(project=project, zone=zone, instance="addr-base").execute()
    config = vm["networkInterfaces"][0]["accessConfigs"][0]
    assert config["natIP"] == address["address"] and config["name"] == "external-nat"
    used = compute.addresses().get(project=project, region=region, address="e2e-web").execute()
    assert used["status"] == "IN_USE" and used["users"][0].endswith(f"/zones/{zone}/instances/addr-base")
    # updateAccessConfig: the config as it is is DONE; what CloudStack's static NAT cannot change is a 400 naming it.
    wait(compute, project, compute.instances().updateAccessConfig(
        project=project, zone=zone, instance="addr-base", networkInterface="nic0",
        body={"name": "external-nat", "type": "ONE_TO_ONE_NAT", "natIP": address["address"]}).execute())
    for body, field in [({"name": "external-nat", "natIP": "203.0.113.77"}, "natIP"),
                        ({"name": "external-nat", "setPublicPtr": True, "publicPtrDomainName": "web.example."},
                         "setPublicPtr"),
                        ({"name": "other"}, "resource.name")]:
        with pytest.raises(HttpError) as refused:
            compute.instances().updateAccessConfig(project=project, zone=zone, instance="addr-base",
                                                   networkInterface="nic0", body=body).execute()
        assert refused.value.resp.status == 400 and field in str(refused.value.content), refused.value.content
    assert compute.instances().get(project=project, zone=zone, instance="addr-base").execute()[
        "networkInterfaces"][0]["accessConfigs"][0]["natIP"] == address["address"]
    with pytest.raises(HttpError) as busy:
        compute.addresses().delete(project=project, region=region, address="e2e-web").execute()
    assert busy.value.resp.status == 400
    wait(compute, project, compute.instances().deleteAccessConfig(
        project=project, zone=zone, instance="addr-base", networkInterface="nic0", accessConfig="external-nat").execute())
    assert compute.addresses().get(project=project, region=region, address="e2e-web").execute()["status"] == "RESERVED"
    wait(compute, project, compute.addresses().delete(project=project, region=region, address="e2e-web").execute())
    with pytest.raises(HttpError) as gone:
        compute.addresses().get(project=project, region=region, address="e2e-web").execute()
    assert gone.value.resp.status == 404
    assert address["address"] not in public_ips(stackbridge)


def test_google_cloud_compute_addresses_client(clients, setting, stackbridge):
    project, region, zone = stackbridge.project, setting["region"], setting["zone"]
    addresses = clients["AddressesClient"]
    operation = addresses.insert(project=project, region=region,
                                 address_resource=compute_v1.Address(name="e2e-gcc", labels={"team": "e2e"}))
    finish(clients, project, operation, region=region)
    got = addresses.get(project=project, region=region, address="e2e-gcc")
    assert got.status == "RESERVED" and got.labels == {"team": "e2e"}
    assert "e2e-gcc" in [a.name for a in addresses.list(project=project, region=region)]
    scoped = dict(addresses.aggregated_list(project=project))
    assert "e2e-gcc" in [a.name for a in scoped[f"regions/{region}"].addresses]
    request = compute_v1.RegionSetLabelsRequest(labels={"team": "two"}, label_fingerprint=got.label_fingerprint)
    finish(clients, project, addresses.set_labels(project=project, region=region, resource="e2e-gcc",
                                                  region_set_labels_request_resource=request), region=region)
    assert addresses.get(project=project, region=region, address="e2e-gcc").labels == {"team": "two"}
    # An ephemeral access config on the base instance: acquired, not an address, released when removed.
    before = public_ips(stackbridge)
    instances = clients["InstancesClient"]
    finish(clients, project, instances.add_access_config(
        project=project, zone=zone, instance="addr-base", network_interface="nic0",
        access_config_resource=compute_v1.AccessConfig(name="External NAT", type_="ONE_TO_ONE_NAT")), zone=zone)
    nat = instances.get(project=project, zone=zone, instance="addr-base").network_interfaces[0].access_configs[0].nat_i_p
    assert nat and nat not in before and nat in public_ips(stackbridge)
    assert nat not in [a.address for a in addresses.list(project=project, region=region)]
    finish(clients, project, instances.update_access_config(
        project=project, zone=zone, instance="addr-base", network_interface="nic0",
        access_config_resource=compute_v1.AccessConfig(name="External NAT", type_="ONE_TO_ONE_NAT")), zone=zone)
    with pytest.raises(google_exceptions.BadRequest):
        instances.update_access_config(project=project, zone=zone, instance="addr-base", network_interface="nic0",
                                       access_config_resource=compute_v1.AccessConfig(
                                           name="External NAT", network_tier="STANDARD"))
    finish(clients, project, instances.delete_access_config(
        project=project, zone=zone, instance="addr-base", network_interface="nic0", access_config="External NAT"), zone=zone)
    assert nat not in public_ips(stackbridge)
    finish(clients, project, addresses.delete(project=project, region=region, address="e2e-gcc"), region=region)
    with pytest.raises(google_exceptions.NotFound):
        addresses.get(project=project, region=region, address="e2e-gcc")


def test_libcloud_addresses_node_with_reserved_ip_and_access_configs(driver, setting, stackbridge):
    region, zone = setting["region"], setting["zone"]
    address = driver.ex_create_address("e2e-lc", region=region)
    assert address.name == "e2e-lc" and address.address
    assert "e2e-lc" in [a.name for a in driver.ex_list_addresses(region=region)]
    # As test_gce_networks does: when a paginated request of libcloud fails (ex_get_image looks in public image
    # projects too), its `maxResults` stays on the connection and the next get carries it (a 400, as from Google).
    size = min(driver.list_sizes(location=zone), key=lambda s: s.ram)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{setting['machine']['zone']}/diskTypes/small"}})()
    node = driver.create_node("e2e-lc-node", size, image, location=zone, external_ip=address, ex_disk_type=disk_type)
    try:
        assert address.address in node.public_ips
        assert driver.ex_get_address("e2e-lc", region=region).extra["status"] == "IN_USE"
        # Swap the reserved address for an ephemeral one, with libcloud's access-config calls.
        assert driver.ex_delete_access_config(node, "External NAT", "nic0")
        assert driver.ex_get_address("e2e-lc", region=region).extra["status"] == "RESERVED"
        assert driver.ex_add_access_config(node, "External NAT", "nic0")
        ephemeral = driver.ex_get_node("e2e-lc-node", zone).public_ips
        assert ephemeral and address.address not in ephemeral and ephemeral[0] in public_ips(stackbridge)
    finally:
        assert driver.destroy_node(node)
    # Deleting the instance released its ephemeral address; the reserved one stays until destroyed.
    assert ephemeral[0] not in public_ips(stackbridge)
    assert driver.ex_get_address("e2e-lc", region=region).extra["status"] == "RESERVED"
    assert driver.ex_destroy_address(driver.ex_get_address("e2e-lc", region=region))
    assert "e2e-lc" not in [a.name for a in driver.ex_list_addresses(region=region)]


def test_routes_with_every_client(compute, clients, driver, stackbridge):
    project = stackbridge.project
    with cloudstack_vpc(stackbridge) as vpc:
        admin = admin_view(stackbridge)
        network_name = next(v["name"] for v in admin.listVPCs(listall=True, fetch_list=True) if v["id"] == vpc["uuid"])
        gateway = next(g for g in admin.listPrivateGateways(listall=True, fetch_list=True) if g["vpcid"] == vpc["uuid"])
        network = f"{stackbridge.gce_base_url}/compute/v1/projects/{project}/global/networks/{network_name}"
        # System routes: synthesised, stable, not deletable.
        routes = compute.routes().list(project=project).execute()["items"]
        system = [r for r in routes if r["network"] == network]
        assert {r["destRange"] for r in system} >= {"0.0.0.0/0"} and len(system) == 2
        with pytest.raises(HttpError) as refused:
            compute.routes().delete(project=project, route=system[0]["name"]).execute()
        assert refused.value.resp.status == 400
        # google-api-python-client: a static route to the private gateway.
        wait(compute, project, compute.routes().insert(project=project, body={
            "name": "e2e-office", "network": network, "destRange": "172.30.0.0/16", "nextHopIp": gateway["gateway"]}).execute())
        route = compute.routes().get(project=project, route="e2e-office").execute()
        assert route["nextHopIp"] == gateway["gateway"] and route["network"] == network
        with pytest.raises(HttpError) as refused:
            compute.routes().insert(project=project, body={
                "name": "e2e-vm", "network": network, "destRange": "172.31.0.0/16",
                "nextHopInstance": f"zones/z/instances/i"}).execute()
        assert refused.value.resp.status == 400 and "nextHopInstance" in str(refused.value.content)
        wait(compute, project, compute.routes().delete(project=project, route="e2e-office").execute())
        # google-cloud-compute RoutesClient.
        routes_client = clients["RoutesClient"]
        finish(clients, project, routes_client.insert(project=project, route_resource=compute_v1.Route(
            name="e2e-gcc-route", network=network, dest_range="172.30.0.0/16", next_hop_ip=gateway["gateway"])))
        assert routes_client.get(project=project, route="e2e-gcc-route").next_hop_ip == gateway["gateway"]
        assert "e2e-gcc-route" in [r.name for r in routes_client.list(project=project)]
        finish(clients, project, routes_client.delete(project=project, route="e2e-gcc-route"))
        # libcloud: ex_create_route / ex_list_routes / ex_destroy_route (priority must be GCE's default 1000).
        created = driver.ex_create_route("e2e-lc-route", "172.30.0.0/16", priority=1000, network=network,
                                         next_hop=gateway["gateway"])
        assert created.name == "e2e-lc-route" and created.extra["nextHopIp"] == gateway["gateway"]
        assert "e2e-lc-route" in [r.name for r in driver.ex_list_routes()]
        with pytest.raises(GoogleBaseError):
            driver.ex_create_route("e2e-lc-inet", "172.31.0.0/16", priority=1000, network=network)
        assert driver.ex_destroy_route(created)
        assert "e2e-lc-route" not in [r.name for r in driver.ex_list_routes()]
        assert not [r for r in admin.listStaticRoutes(listall=True, fetch_list=True) if r.get("vpcid") == vpc["uuid"]]

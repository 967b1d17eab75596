"""Networks and subnetworks, read-only, with libcloud's GCE driver and google-cloud-compute.

libcloud's create_node looks the `default` network up with networks.get before it inserts anything: that works
with no `ex_network`, and the instance it makes links back to a network that resolves.
"""

import datetime
import json
import os
import urllib.parse

import libcloud.security
import pytest
from google.cloud import compute_v1
from libcloud.compute.drivers.gce import GCENodeDriver
from libcloud.compute.types import NodeState

from gce_support import authorization_code_grant, credentials


@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    grant = authorization_code_grant(stackbridge)
    expire = datetime.datetime.utcnow() - datetime.timedelta(seconds=60)
    token_file = tmp_path_factory.mktemp("libcloud-networks") / "token.json"
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


@pytest.fixture(scope="module")
def clients(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["NetworksClient", "SubnetworksClient", "RegionsClient"]}


def test_libcloud_lists_and_gets_the_default_network(driver, stackbridge):
    networks = driver.ex_list_networks()
    names = [n.name for n in networks]
    assert names[0] == "default" and len(names) == len(set(names))
    default = driver.ex_get_network("default")
    assert default.name == "default"
    assert default.extra["selfLink"] == \
        f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}/global/networks/default"
    assert default.extra["subnetworks"], "the basic zone's shared network is default's subnetwork"
    for network in networks:
        assert driver.ex_get_network(network.name).id == network.id


def test_libcloud_create_node_finds_the_default_network_itself(driver, stackbridge):
    zone = next(z for z in driver.ex_list_zones() if "basic" in z.name)
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{zone.extra['selfLink']}/diskTypes/small"}})()
    node = driver.create_node("e2e-networks", size, image, location=zone, ex_disk_type=disk_type)
    try:
        assert node.state == NodeState.RUNNING
        interface = node.extra["networkInterfaces"][0]
        assert interface["network"].endswith("/global/networks/default")
        assert driver.ex_get_network(interface["network"].rsplit("/", 1)[-1]).name == "default"
    finally:
        assert driver.destroy_node(node)
    assert "e2e-networks" not in [n.name for n in driver.list_nodes(ex_zone=zone)]


def test_google_cloud_compute_networks_and_subnetworks(clients, stackbridge):
    project = stackbridge.project
    region = list(clients["RegionsClient"].list(project=project))[0].name
    networks = list(clients["NetworksClient"].list(project=project))
    assert networks[0].name == "default" and not networks[0].auto_create_subnetworks
    subnetworks = list(clients["SubnetworksClient"].list(project=project, region=region))
    assert subnetworks
    by_link = {s.self_link: s for s in subnetworks}
    for network in networks:
        got = clients["NetworksClient"].get(project=project, network=network.name)
        assert got.self_link == network.self_link
        for link in got.subnetworks:
            assert by_link[link].network == network.self_link
    default = clients["SubnetworksClient"].get(project=project, region=region, subnetwork=subnetworks[0].name)
    assert default.ip_cidr_range and default.gateway_address and default.region.endswith(f"/regions/{region}")
    aggregated = dict(clients["SubnetworksClient"].aggregated_list(project=project))
    assert list(aggregated) == [f"regions/{region}"]
    assert sorted(s.name for s in aggregated[f"regions/{region}"].subnetworks) == sorted(s.name for s in subnetworks)
    with pytest.raises(Exception) as missing:
        clients["NetworksClient"].get(project=project, network="no-such-network")
    assert "404" in str(missing.value) or "not found" in str(missing.value).lower()

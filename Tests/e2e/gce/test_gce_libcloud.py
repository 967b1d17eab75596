"""apache-libcloud's GCE driver against StackBridge: sizes, images, zones; create, reboot and destroy a node.

libcloud hard-codes www.googleapis.com and accounts.google.com: both connections are pointed at the bridge after
construction, and the token cache file is seeded with an expired token from the bridge's OAuth endpoints
(gstack §8), so the first call refreshes it at the bridge.
"""

import datetime
import json
import urllib.parse

import libcloud.security
import pytest
from libcloud.compute.drivers.gce import GCENetwork, GCENodeDriver
from libcloud.compute.types import NodeState

from gce_support import authorization_code_grant


@pytest.fixture(scope="module")
def driver(stackbridge, tmp_path_factory):
    libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    grant = authorization_code_grant(stackbridge)
    # Seeded as already expired: libcloud refreshes at its first call, through the bridge's /o/oauth2/token.
    expire = datetime.datetime.utcnow() - datetime.timedelta(seconds=60)
    token_file = tmp_path_factory.mktemp("libcloud") / "token.json"
    token_file.write_text(json.dumps({"access_token": grant["access_token"], "refresh_token": grant["refresh_token"],
                                      "token_type": "Bearer", "expire_time": expire.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    url = urllib.parse.urlparse(stackbridge.gce_base_url)
    driver = GCENodeDriver(stackbridge.api_key, stackbridge.secret_key, project=stackbridge.project, auth_type="IA",
                           credential_file=str(token_file))
    for connection in (driver.connection, driver.connection.oauth2_credential.oauth2_conn):
        connection.host = url.hostname
        connection.port = url.port
        connection.connect()
    driver.token_file = token_file
    driver.first_access_token = grant["access_token"]
    return driver


def test_sizes_images_zones(driver):
    zones = driver.list_locations()
    refreshed = json.loads(driver.token_file.read_text())
    assert refreshed["access_token"] != driver.first_access_token and refreshed["access_token"].startswith("sb1.")
    assert zones and all(z.name for z in zones)
    sizes = driver.list_sizes(location=zones[0].name)
    assert sizes and all(s.extra["guestCpus"] >= 1 for s in sizes)
    images = driver.list_images()
    assert any(i.extra["status"] == "READY" for i in images)


def test_create_reboot_destroy(driver, stackbridge):
    zone = next(z for z in driver.ex_list_zones() if "basic" in z.name)
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    # networks are not part of this API yet: hand libcloud the default network instead of letting it look it up.
    network = GCENetwork(id="0", name="default", cidr=None, driver=driver,
                         extra={"selfLink": f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}/global/networks/default"})
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{zone.extra['selfLink']}/diskTypes/small"}})()
    node = driver.create_node("e2e-libcloud", size, image, location=zone, ex_network=network, ex_disk_type=disk_type)
    assert node.name == "e2e-libcloud" and node.state == NodeState.RUNNING
    assert driver.reboot_node(node)
    assert driver.ex_get_node("e2e-libcloud", zone.name).state == NodeState.RUNNING
    assert driver.destroy_node(node)
    assert "e2e-libcloud" not in [n.name for n in driver.list_nodes(ex_zone=zone)]

"""Real CloudStack client libraries against the running simulator.

The server is started by the harness (``stackbridge simulator``); these tests read
SIMULATOR_URL (e.g. http://127.0.0.1:8080/client/api), SIMULATOR_API_KEY and
SIMULATOR_SECRET_KEY. The keys may be the demo admin's or a demo user's.

Run: SIMULATOR_URL=... SIMULATOR_API_KEY=... SIMULATOR_SECRET_KEY=... pytest Tests/e2e/test_simulator_clients.py
"""

import os
import time
import uuid
from urllib.parse import quote

import pytest
import cs.client
from cs import CloudStack, CloudStackApiException
from libcloud.compute.base import NodeSize
from libcloud.compute.drivers.cloudstack import CloudStackNodeDriver
from libcloud.compute.types import NodeState


def _settings():
    missing = [n for n in ("SIMULATOR_URL", "SIMULATOR_API_KEY", "SIMULATOR_SECRET_KEY") if not os.environ.get(n)]
    if missing:
        pytest.fail("set " + ", ".join(missing) + " to a running `stackbridge simulator`", pytrace=False)
    return os.environ["SIMULATOR_URL"], os.environ["SIMULATOR_API_KEY"], os.environ["SIMULATOR_SECRET_KEY"]


@pytest.fixture(scope="module")
def api():
    url, key, secret = _settings()
    # poll_interval short: the simulator's jobs take a few hundred milliseconds.
    return CloudStack(endpoint=url, key=key, secret=secret, poll_interval=0.2, job_timeout=60)


@pytest.fixture(scope="module")
def driver():
    url, key, secret = _settings()
    # libcloud defaults to secure=True even for an http:// URL.
    return CloudStackNodeDriver(key=key, secret=secret, url=url, secure=url.startswith("https"))


def _catalog(api):
    zones = api.listZones()["zone"]
    basic = next(z for z in zones if z["networktype"] == "Basic")
    offering = next(o for o in api.listServiceOfferings()["serviceoffering"] if not o["iscustomized"])
    template = api.listTemplates(templatefilter="executable")["template"][0]
    return basic, offering, template


# --- the `cs` library ------------------------------------------------------------------------------

def test_cs_list_zones(api):
    zones = api.listZones()
    assert zones["count"] == len(zones["zone"]) >= 2
    assert {z["networktype"] for z in zones["zone"]} == {"Basic", "Advanced"}
    for zone in zones["zone"]:
        assert zone["id"] and zone["name"]


def test_cs_deploy_poll_list_destroy(api):
    zone, offering, template = _catalog(api)
    name = "cs-" + uuid.uuid4().hex[:8]
    reply = api.deployVirtualMachine(zoneid=zone["id"], serviceofferingid=offering["id"], templateid=template["id"], name=name)
    # Async create: the id and the job id come back at once.
    assert set(reply) == {"id", "jobid"}
    job = api.queryAsyncJobResult(jobid=reply["jobid"])
    assert job["jobstatus"] == 0, "a 300 ms job is still running on the first poll"
    deadline = time.monotonic() + 30
    while job["jobstatus"] == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
        job = api.queryAsyncJobResult(jobid=reply["jobid"])
    assert job["jobstatus"] == 1 and job["jobresultcode"] == 0 and job["jobresulttype"] == "object"
    vm = job["jobresult"]["virtualmachine"]
    assert vm["id"] == reply["id"] and vm["state"] == "Running" and vm["name"] == name
    listed = api.listVirtualMachines(id=vm["id"])["virtualmachine"]
    assert [v["state"] for v in listed] == ["Running"]
    assert listed[0]["nic"][0]["ipaddress"]
    destroyed = api.destroyVirtualMachine(id=vm["id"], fetch_result=True)["virtualmachine"]
    assert destroyed["state"] == "Destroyed"
    after = api.listVirtualMachines(id=vm["id"], listall=True)
    assert all(v["state"] == "Destroyed" for v in after.get("virtualmachine", []))


def test_cs_spaces_in_values_are_signed_correctly(api):
    # The cs library encodes a space as %20, as Java's URLEncoder (then %20) does: accepted.
    assert api.listVirtualMachines(name="web server 1") == {}


def test_cs_tilde_is_rejected_like_cloudstack_does(api):
    # cs leaves `~` unescaped when signing, but CloudStack's URLEncoder turns it into %7E:
    # the real server answers 401, and so must the simulator.
    with pytest.raises(CloudStackApiException) as failure:
        api.listVirtualMachines(name="web server ~1")
    assert failure.value.response.status_code == 401
    assert failure.value.error["errortext"] == "unable to verify user credentials and/or request signature"


def test_cs_tilde_with_java_encoding_is_accepted(api, monkeypatch):
    # With Java's encoding (only A-Z a-z 0-9 . - * _ kept) the same value is accepted.
    monkeypatch.setattr(cs.client, "cs_encode", lambda s: quote(s, safe="*").replace("~", "%7E"))
    assert api.listVirtualMachines(name="web server ~1") == {}


# --- libcloud --------------------------------------------------------------------------------------

def test_libcloud_locations_and_images(driver):
    locations = driver.list_locations()
    assert len(locations) >= 2
    images = driver.list_images()
    assert images and all(i.extra["hypervisor"] == "Simulator" for i in images)


def test_libcloud_sizes(driver):
    raw = driver._sync_request(command="listServiceOfferings", method="GET")["serviceoffering"]
    custom = [o for o in raw if o["iscustomized"]]
    # CloudStack omits cpunumber/memory on a custom offering (null fields are left out), and
    # libcloud's list_sizes then fails on it, against a real server as here.
    assert custom and "cpunumber" not in custom[0] and "memory" not in custom[0]
    with pytest.raises(KeyError):
        driver.list_sizes()
    fixed = [o for o in raw if not o["iscustomized"]]
    original = driver._sync_request
    driver._sync_request = lambda *a, **k: {"count": len(fixed), "serviceoffering": fixed}
    try:
        sizes = driver.list_sizes()
    finally:
        driver._sync_request = original
    assert [(s.id, s.ram) for s in sizes] == [(o["id"], o["memory"]) for o in fixed]


def _fixed_size(driver):
    raw = driver._sync_request(command="listServiceOfferings", method="GET")["serviceoffering"]
    offering = next(o for o in raw if not o["iscustomized"])
    return NodeSize(offering["id"], offering["name"], offering["memory"], 0, 0, 0, driver)


def test_libcloud_node_lifecycle_with_volume(driver):
    location = next(l for l in driver.list_locations() if "basic" in l.name.lower())
    image = driver.list_images(location=location)[0]
    size = _fixed_size(driver)
    name = "lc-" + uuid.uuid4().hex[:8]
    node = driver.create_node(name=name, size=size, image=image, location=location)
    assert node.name == name
    # libcloud sends startvm=false by default: CloudStack leaves such a VM Stopped.
    assert node.state == NodeState.STOPPED
    assert name in [n.name for n in driver.list_nodes()]

    volume = driver.create_volume(size=10, name=name + "-data", location=location)
    assert volume.size == 10
    assert driver.attach_volume(node, volume) is True
    attached = driver.list_volumes(node=node)
    data = [v for v in attached if v.id == volume.id]
    assert data and data[0].extra.get("volume_type", "DATADISK") == "DATADISK"
    raw = driver._sync_request(command="listVolumes", params={"id": volume.id}, method="GET")["volume"][0]
    assert raw["virtualmachineid"] == node.id and raw["deviceid"] == 1

    assert driver.detach_volume(volume) is True
    assert driver.destroy_volume(volume) is True
    assert driver.destroy_node(node) is True
    remaining = [n for n in driver.list_nodes() if n.id == node.id]
    assert all(n.state != NodeState.RUNNING for n in remaining)

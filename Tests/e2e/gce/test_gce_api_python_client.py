"""google-api-python-client against StackBridge: the bundled static document with api_endpoint, and the
bridge's own discovery document; tokens from the bridge's OAuth endpoints, refreshed through its token_uri."""

import time

import google_auth_httplib2
import httplib2
import pytest
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from gce_support import credentials, first_zone_and_image


def http_for(bridge, creds):
    return google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=bridge.ca_file))


def wait(compute, project, zone, operation):
    for _ in range(60):
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
        time.sleep(0.2)
    raise AssertionError("operation never finished")


@pytest.fixture(scope="module")
def static_compute(stackbridge):
    # The credentials start expired: the first call refreshes through the bridge's token_uri.
    creds = credentials(stackbridge, expired=True)
    compute = build("compute", "v1", http=http_for(stackbridge, creds),
                    client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})
    return compute, creds


def test_refresh_after_expiry_then_catalog(static_compute, stackbridge):
    compute, creds = static_compute
    zones = compute.zones().list(project=stackbridge.project).execute()
    assert creds.token.startswith("sb1.") and creds.token != "sb1.expired"
    assert zones["kind"] == "compute#zoneList" and len(zones["items"]) >= 1
    zone = zones["items"][0]["name"]
    assert zones["items"][0]["selfLink"] == f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}/zones/{zone}"
    assert compute.zones().get(project=stackbridge.project, zone=zone).execute()["name"] == zone
    regions = compute.regions().list(project=stackbridge.project).execute()["items"]
    assert compute.regions().get(project=stackbridge.project, region=regions[0]["name"]).execute()["zones"]
    types = compute.machineTypes().list(project=stackbridge.project, zone=zone).execute()["items"]
    assert all(t["guestCpus"] >= 1 for t in types)
    assert compute.machineTypes().aggregatedList(project=stackbridge.project).execute()["items"]
    disk_types = compute.diskTypes().list(project=stackbridge.project, zone=zone).execute()["items"]
    assert compute.diskTypes().get(project=stackbridge.project, zone=zone, diskType=disk_types[0]["name"]).execute()
    project = compute.projects().get(project=stackbridge.project).execute()
    assert project["kind"] == "compute#project"


def test_paging_with_list_next(static_compute, stackbridge):
    compute, _ = static_compute
    request = compute.zones().list(project=stackbridge.project, maxResults=1)
    names = []
    while request is not None:
        response = request.execute()
        names += [z["name"] for z in response.get("items", [])]
        request = compute.zones().list_next(request, response)
    assert len(names) == len(set(names)) >= 2


def test_instance_lifecycle_with_the_static_document(static_compute, stackbridge):
    compute, _ = static_compute
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    body = {"name": "e2e-static", "machineType": machine_type["selfLink"],
            "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{"network": "global/networks/default"}],
            "metadata": {"items": [{"key": "startup-script", "value": "#!/bin/sh\necho hello"}]},
            "labels": {"suite": "e2e"}}
    wait(compute, project, zone, compute.instances().insert(project=project, zone=zone, body=body).execute())
    instance = compute.instances().get(project=project, zone=zone, instance="e2e-static").execute()
    assert instance["status"] == "RUNNING" and instance["labels"] == {"suite": "e2e"}
    listed = compute.instances().list(project=project, zone=zone, filter='name = "e2e-static"').execute()
    assert [i["name"] for i in listed["items"]] == ["e2e-static"]
    with pytest.raises(HttpError) as conflict:
        compute.instances().insert(project=project, zone=zone, body=body).execute()
    assert conflict.value.resp.status == 409
    wait(compute, project, zone, compute.instances().stop(project=project, zone=zone, instance="e2e-static").execute())
    assert compute.instances().get(project=project, zone=zone, instance="e2e-static").execute()["status"] == "TERMINATED"
    wait(compute, project, zone, compute.instances().start(project=project, zone=zone, instance="e2e-static").execute())
    wait(compute, project, zone, compute.instances().delete(project=project, zone=zone, instance="e2e-static").execute())
    with pytest.raises(HttpError) as missing:
        compute.instances().get(project=project, zone=zone, instance="e2e-static").execute()
    assert missing.value.resp.status == 404
    assert missing.value.error_details[0]["reason"] == "notFound"


def test_the_bridges_discovery_document(stackbridge):
    creds = credentials(stackbridge)
    http = http_for(stackbridge, creds)
    compute = build("compute", "v1", http=http,
                    discoveryServiceUrl=stackbridge.gce_base_url + "/discovery/v1/apis/{api}/{apiVersion}/rest",
                    static_discovery=False)
    assert compute._baseUrl == stackbridge.gce_base_url + "/compute/v1/"
    zones = compute.zones().list(project=stackbridge.project).execute()
    assert zones["items"]
    # Google's name patterns are kept: the client refuses an invalid name before sending anything.
    with pytest.raises(TypeError):
        compute.zones().get(project=stackbridge.project, zone="Not A Zone").execute()


def test_revoked_tokens_are_refused(stackbridge):
    import requests

    creds = credentials(stackbridge)
    compute = build("compute", "v1", http=google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file)),
                    client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})
    assert compute.zones().list(project=stackbridge.project).execute()["items"]
    revoked = requests.post(stackbridge.gce_base_url + "/oauth2/revoke", data={"token": creds.token}, verify=stackbridge.ca_file)
    assert revoked.status_code == 200
    info = requests.get(stackbridge.gce_base_url + "/oauth2/tokeninfo", params={"access_token": creds.token},
                        verify=stackbridge.ca_file)
    assert info.status_code == 400
    raw = requests.get(f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}/zones",
                       headers={"Authorization": "Bearer " + creds.token}, verify=stackbridge.ca_file)
    assert raw.status_code == 401 and raw.json()["error"]["code"] == 401

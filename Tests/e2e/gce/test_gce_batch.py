"""google-api-python-client's BatchHttpRequest against POST /batch/compute/v1: several instances.insert and
instances.delete in one batch, each callback seeing its own part's result or error."""

import time

import google_auth_httplib2
import httplib2
import pytest
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

from gce_support import credentials, first_zone_and_image


@pytest.fixture(scope="module")
def client(stackbridge):
    http = google_auth_httplib2.AuthorizedHttp(credentials(stackbridge), http=httplib2.Http(ca_certs=stackbridge.ca_file))
    compute = build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})
    return compute, http


def wait_done(compute, project, zone, name, deadline_seconds=60):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=name).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
    raise AssertionError(f"operation {name} not DONE by its deadline")


def run_batch(stackbridge, http, requests):
    results = {}

    def callback(request_id, response, exception):
        results[request_id] = (response, exception)

    batch = BatchHttpRequest(callback=callback, batch_uri=stackbridge.gce_base_url + "/batch/compute/v1")
    for request_id, request in requests:
        batch.add(request, request_id=request_id)
    batch.execute(http=http)
    return results


def test_inserts_and_deletes_in_one_batch(client, stackbridge):
    compute, http = client
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    names = ["e2e-batch-1", "e2e-batch-2", "e2e-batch-3"]

    def body(name):
        return {"name": name, "machineType": machine_type["selfLink"],
                "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
                "networkInterfaces": [{"network": "global/networks/default"}]}

    requests = [(name, compute.instances().insert(project=project, zone=zone, body=body(name))) for name in names]
    requests.append(("missing", compute.instances().get(project=project, zone=zone, instance="e2e-batch-none")))
    results = run_batch(stackbridge, http, requests)
    assert set(results) == set(names) | {"missing"}
    for name in names:
        response, exception = results[name]
        assert exception is None, exception
        assert response["kind"] == "compute#operation" and response["targetLink"].endswith(f"/instances/{name}")
        wait_done(compute, project, zone, response["name"])
    response, exception = results["missing"]
    assert response is None and isinstance(exception, HttpError) and exception.resp.status == 404
    listed = compute.instances().list(project=project, zone=zone, filter='name = "e2e-batch-*"').execute()
    assert sorted(i["name"] for i in listed.get("items", [])) == names

    deletes = [(name, compute.instances().delete(project=project, zone=zone, instance=name)) for name in names]
    results = run_batch(stackbridge, http, deletes)
    for name in names:
        response, exception = results[name]
        assert exception is None, exception
        assert response["operationType"] == "delete"
        wait_done(compute, project, zone, response["name"])
    for name in names:
        with pytest.raises(HttpError) as missing:
            compute.instances().get(project=project, zone=zone, instance=name).execute()
        assert missing.value.resp.status == 404

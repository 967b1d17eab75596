"""Operations as real clients see them: google-api-python-client reads the same fields in every answer for one
operation (only status, progress, startTime, endTime and error change; a finished delete still names its
instance), and google-cloud-compute's GlobalOperationsClient.aggregated_list sees every scope."""

import os
import time

import google_auth_httplib2
import httplib2
import pytest
from google.cloud import compute_v1
from googleapiclient.discovery import build

from gce_support import credentials, first_zone_and_image

CHANGING = {"status", "progress", "startTime", "endTime", "error", "httpErrorStatusCode", "httpErrorMessage"}


@pytest.fixture(scope="module")
def compute(stackbridge):
    http = google_auth_httplib2.AuthorizedHttp(credentials(stackbridge), http=httplib2.Http(ca_certs=stackbridge.ca_file))
    return build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})


def stable(first, later):
    return {k: v for k, v in first.items() if k not in CHANGING} == {k: v for k, v in later.items() if k not in CHANGING}


def wait_done(compute, project, zone, operation, deadline_seconds=60):
    """Polls with zoneOperations.wait (which itself waits server-side) until DONE or the deadline."""
    deadline = time.monotonic() + deadline_seconds
    answers = []
    while time.monotonic() < deadline:
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        answers.append(op)
        if op["status"] == "DONE":
            return op, answers
    raise AssertionError(f"operation {operation['name']} not DONE by its deadline: {answers[-1:]}")


def test_an_operation_reads_the_same_in_every_answer(compute, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    body = {"name": "e2e-ops-1", "machineType": machine_type["selfLink"],
            "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{"network": "global/networks/default"}]}
    insert = compute.instances().insert(project=project, zone=zone, body=body).execute()
    assert insert["status"] == "PENDING"
    done, _ = wait_done(compute, project, zone, insert)
    assert "error" not in done and done["progress"] == 100
    delete = compute.instances().delete(project=project, zone=zone, instance="e2e-ops-1").execute()
    link = f"{stackbridge.gce_base_url}/compute/v1/projects/{project}/zones/{zone}/instances/e2e-ops-1"
    assert delete["targetLink"] == link
    done, answers = wait_done(compute, project, zone, delete)
    later = [compute.zoneOperations().get(project=project, zone=zone, operation=delete["name"]).execute()
             for _ in range(2)]
    for answer in answers + later:
        assert stable(delete, answer), (delete, answer)
        assert answer["insertTime"].endswith("+00:00"), answer
    assert all(a["targetLink"] == link and a["status"] == "DONE" for a in later)


def test_aggregated_list_of_operations_with_google_cloud_compute(compute, stackbridge):
    project = stackbridge.project
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    client = compute_v1.GlobalOperationsClient(credentials=credentials(stackbridge),
                                               client_options={"api_endpoint": stackbridge.gce_base_url})
    zone, image, machine_type = first_zone_and_image(compute, project)
    body = {"name": "e2e-ops-2", "machineType": machine_type["selfLink"],
            "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{"network": "global/networks/default"}]}
    insert = compute.instances().insert(project=project, zone=zone, body=body).execute()
    wait_done(compute, project, zone, insert)
    scopes = dict(client.aggregated_list(project=project))
    zones = [z["name"] for z in compute.zones().list(project=project).execute()["items"]]
    regions = [r["name"] for r in compute.regions().list(project=project).execute()["items"]]
    assert set(scopes) == {f"zones/{z}" for z in zones} | {f"regions/{r}" for r in regions} | {"global"}
    assert insert["name"] in [op.name for op in scopes[f"zones/{zone}"].operations]
    # A region holds subnetwork and address operations, which other tests on this simulator may have made.
    region = scopes[f"regions/{regions[0]}"]
    assert region.operations or region.warning.code == "NO_RESULTS_ON_PAGE"
    delete = compute.instances().delete(project=project, zone=zone, instance="e2e-ops-2").execute()
    wait_done(compute, project, zone, delete)

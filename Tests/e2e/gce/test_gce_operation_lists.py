"""Network, subnetwork and address operations in the operation lists as real clients read them:
google-api-python-client's globalOperations.list / regionOperations.list show each operation the insert and delete
answered, with the fields get answers; google-cloud-compute's GlobalOperationsClient.aggregated_list and
RegionOperationsClient.list see them in their scopes."""

import os

import pytest
from google.cloud import compute_v1

from gce_support import compute_client, credentials, wait_operation as wait

FIELDS = ["id", "name", "operationType", "targetLink", "targetId", "status", "insertTime", "endTime", "selfLink"]


@pytest.fixture(scope="module")
def compute(stackbridge):
    return compute_client(stackbridge)


def listed(compute, project, region=None):
    """Every operation of the scope, page by page (maxResults 2, so paging is exercised)."""
    items, token = [], None
    while True:
        if region:
            page = compute.regionOperations().list(project=project, region=region, maxResults=2, pageToken=token).execute()
        else:
            page = compute.globalOperations().list(project=project, maxResults=2, pageToken=token).execute()
        items += page.get("items", [])
        token = page.get("nextPageToken")
        if not token:
            return {op["name"]: op for op in items}


def same_as_get(compute, project, ops, operation, region=None):
    assert operation["name"] in ops, (operation["name"], sorted(ops))
    if region:
        got = compute.regionOperations().get(project=project, region=region, operation=operation["name"]).execute()
    else:
        got = compute.globalOperations().get(project=project, operation=operation["name"]).execute()
    assert {k: ops[operation["name"]].get(k) for k in FIELDS} == {k: got.get(k) for k in FIELDS}


def test_network_subnetwork_and_address_operations_are_listed(compute, stackbridge):
    project = stackbridge.project
    region = compute.regions().list(project=project).execute()["items"][0]["name"]
    made = {}
    made["network"] = wait(compute, project, compute.networks().insert(
        project=project, body={"name": "e2e-oplist", "autoCreateSubnetworks": False}).execute())
    wait(compute, project, compute.subnetworks().insert(project=project, region=region, body={
        "name": "e2e-oplist-web", "network": "global/networks/e2e-oplist", "ipCidrRange": "10.77.0.0/24"}).execute())
    made["address"] = wait(compute, project, compute.addresses().insert(
        project=project, region=region, body={"name": "e2e-oplist-ip"}).execute())

    same_as_get(compute, project, listed(compute, project), made["network"])
    same_as_get(compute, project, listed(compute, project, region), made["address"], region)

    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    options = {"api_endpoint": stackbridge.gce_base_url}
    creds = credentials(stackbridge)
    scopes = dict(compute_v1.GlobalOperationsClient(credentials=creds, client_options=options).aggregated_list(project=project))
    assert made["network"]["name"] in [op.name for op in scopes["global"].operations]
    assert made["address"]["name"] in [op.name for op in scopes[f"regions/{region}"].operations]
    regional = compute_v1.RegionOperationsClient(credentials=creds, client_options=options)
    request = compute_v1.ListRegionOperationsRequest(project=project, region=region, filter='operationType = "insert"')
    inserts = [op.name for op in regional.list(request=request)]
    assert made["address"]["name"] in inserts

    gone = {
        "address": wait(compute, project, compute.addresses().delete(
            project=project, region=region, address="e2e-oplist-ip").execute()),
        "subnetwork": wait(compute, project, compute.subnetworks().delete(
            project=project, region=region, subnetwork="e2e-oplist-web").execute()),
        "network": wait(compute, project, compute.networks().delete(project=project, network="e2e-oplist").execute()),
    }
    regional_ops = listed(compute, project, region)
    same_as_get(compute, project, regional_ops, gone["address"], region)
    same_as_get(compute, project, regional_ops, gone["subnetwork"], region)
    same_as_get(compute, project, listed(compute, project), gone["network"])
    assert regional_ops[gone["subnetwork"]["name"]]["operationType"] == "delete"

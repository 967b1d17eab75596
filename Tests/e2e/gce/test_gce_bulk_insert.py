"""instances.bulkInsert (issue 15) with google-api-python-client (the bridge's discovery document) and
google-cloud-compute's InstancesClient.bulk_insert, against a real stackbridge binary in front of its simulator.

One zonal operation of type bulkInsert, DONE once every instance is made (docs/gce.md, Instances): instances
named from `namePattern` (the run of # a zero-padded index) or the `perInstanceProperties` keys, every one listed,
then deleted; a refused member is a 400 naming it and makes nothing.
"""

import os

import pytest
from google.cloud import compute_v1
from googleapiclient.errors import HttpError

from gce_support import compute_client, credentials, first_zone_and_image, wait_operation


@pytest.fixture(scope="module")
def compute(stackbridge):
    return compute_client(stackbridge)


def names_with(compute, project, zone, prefix):
    items = compute.instances().list(project=project, zone=zone).execute().get("items", [])
    return sorted(i["name"] for i in items if i["name"].startswith(prefix))


def test_api_python_client(compute, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    properties = {"machineType": machine_type["name"], "labels": {"batch": "e2e"},
                  "disks": [{"boot": True, "autoDelete": True, "initializeParams": {"sourceImage": image["selfLink"]}}]}
    body = {"count": "3", "namePattern": "e2e-bulk-###", "perInstanceProperties": {"e2e-bulk-db": {}},
            "instanceProperties": properties}
    operation = compute.instances().bulkInsert(project=project, zone=zone, body=body).execute()
    assert operation["operationType"] == "bulkInsert" and operation["zone"].endswith(f"/zones/{zone}")
    done = wait_operation(compute, project, operation)
    assert done["name"] == operation["name"] and done["operationType"] == "bulkInsert"
    assert names_with(compute, project, zone, "e2e-bulk-") == ["e2e-bulk-001", "e2e-bulk-002", "e2e-bulk-db"]
    got = compute.instances().get(project=project, zone=zone, instance="e2e-bulk-002").execute()
    assert got["labels"] == {"batch": "e2e"} and got["machineType"].endswith("/" + machine_type["name"])

    # Numbering continues after the highest existing match; a name that exists is a 409 before any deploy.
    more = compute.instances().bulkInsert(project=project, zone=zone, body=dict(
        body, count="1", perInstanceProperties={})).execute()
    wait_operation(compute, project, more)
    assert "e2e-bulk-003" in names_with(compute, project, zone, "e2e-bulk-")
    with pytest.raises(HttpError) as taken:
        named = {"count": "1", "perInstanceProperties": {"e2e-bulk-db": {}}, "instanceProperties": properties}
        compute.instances().bulkInsert(project=project, zone=zone, body=named).execute()
    assert taken.value.resp.status == 409 and "e2e-bulk-db" in str(taken.value)
    for refused, member in [({"sourceInstanceTemplate": "global/instanceTemplates/t"}, "sourceInstanceTemplate"),
                            ({"locationPolicy": {"targetShape": "ANY"}}, "locationPolicy"),
                            ({"instanceProperties": dict(properties, canIpForward=True)}, "instanceProperties.canIpForward"),
                            ({"minCount": "5"}, "minCount")]:
        with pytest.raises(HttpError) as error:
            compute.instances().bulkInsert(project=project, zone=zone, body=dict(body, **refused)).execute()
        assert error.value.resp.status == 400 and member in str(error.value), (member, str(error.value))
    assert len(names_with(compute, project, zone, "e2e-bulk-")) == 4

    for name in names_with(compute, project, zone, "e2e-bulk-"):
        wait_operation(compute, project, compute.instances().delete(project=project, zone=zone, instance=name).execute())
    assert names_with(compute, project, zone, "e2e-bulk-") == []


def test_google_cloud_compute(compute, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    options = {"api_endpoint": stackbridge.gce_base_url}
    creds = credentials(stackbridge)
    instances = compute_v1.InstancesClient(credentials=creds, client_options=options)
    ops = compute_v1.ZoneOperationsClient(credentials=creds, client_options=options)
    resource = compute_v1.BulkInsertInstanceResource(
        count=2, min_count=2, name_pattern="e2e-gbulk-##",
        instance_properties=compute_v1.InstanceProperties(
            machine_type=machine_type["name"],
            disks=[compute_v1.AttachedDisk(boot=True, auto_delete=True, initialize_params=compute_v1.AttachedDiskInitializeParams(
                source_image=image["selfLink"]))]))
    operation = instances.bulk_insert_unary(project=project, zone=zone, bulk_insert_instance_resource_resource=resource)
    assert operation.operation_type == "bulkInsert"
    done = ops.wait(project=project, zone=zone, operation=operation.name)
    assert done.status == compute_v1.Operation.Status.DONE and not done.error.errors
    listed = sorted(i.name for i in instances.list(project=project, zone=zone) if i.name.startswith("e2e-gbulk-"))
    assert listed == ["e2e-gbulk-01", "e2e-gbulk-02"]

    # The long-running form: the bulkInsert answer is already DONE, so result() has nothing to poll (an
    # ExtendedOperation polls a client built without client_options: docs/gce.md).
    more = compute_v1.BulkInsertInstanceResource(count=1, name_pattern="e2e-gbulk-##",
                                                 instance_properties=resource.instance_properties)
    lro = instances.bulk_insert(project=project, zone=zone, bulk_insert_instance_resource_resource=more)
    lro.result(timeout=60)
    assert lro.done() and not lro.error_code
    listed = sorted(i.name for i in instances.list(project=project, zone=zone) if i.name.startswith("e2e-gbulk-"))
    assert listed == ["e2e-gbulk-01", "e2e-gbulk-02", "e2e-gbulk-03"]
    for name in listed:
        ops.wait(project=project, zone=zone, operation=instances.delete_unary(project=project, zone=zone, instance=name).name)
    assert [i.name for i in instances.list(project=project, zone=zone) if i.name.startswith("e2e-gbulk-")] == []

"""instances.getSerialPortOutput/setName/update/setDeletionProtection/setScheduling, acceleratorTypes and custom
machine types, through google-cloud-compute (GAPIC REST) and google-api-python-client against StackBridge."""

import os

import google_auth_httplib2
import httplib2
import pytest
from google.api_core import exceptions
from google.cloud import compute_v1
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from gce_support import credentials, first_zone_and_image


@pytest.fixture(scope="module")
def clients(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["ZonesClient", "ImagesClient", "MachineTypesClient", "InstancesClient", "ZoneOperationsClient",
                         "AcceleratorTypesClient"]}


@pytest.fixture(scope="module")
def compute(stackbridge):
    http = google_auth_httplib2.AuthorizedHttp(credentials(stackbridge), http=httplib2.Http(ca_certs=stackbridge.ca_file))
    return build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})


def finish(clients, project, zone, operation):
    # zoneOperations.wait blocks on the bridge until the job is done or its deadline passes: no client-side sleep.
    ops = clients["ZoneOperationsClient"]
    for _ in range(60):
        done = ops.wait(project=project, zone=zone, operation=operation.name)
        if done.status == compute_v1.Operation.Status.DONE:
            assert not done.error.errors, done.error
            return done
    raise AssertionError("operation never finished")


def insert(clients, project, zone, name, machine_type):
    image = next(i for i in clients["ImagesClient"].list(project=project) if i.status == "READY")
    instance = compute_v1.Instance(
        name=name, machine_type=f"zones/{zone}/machineTypes/{machine_type}",
        disks=[compute_v1.AttachedDisk(boot=True, auto_delete=True,
                                       initialize_params=compute_v1.AttachedDiskInitializeParams(source_image=image.self_link))],
        labels={"client": "gapic"})
    finish(clients, project, zone, clients["InstancesClient"].insert_unary(project=project, zone=zone, instance_resource=instance))


def basic_zone(clients, project):
    return next(z.name for z in clients["ZonesClient"].list(project=project) if "basic" in z.name)


def test_instance_extras_with_google_cloud_compute(clients, stackbridge):
    project = stackbridge.project
    zone = basic_zone(clients, project)
    instances = clients["InstancesClient"]
    insert(clients, project, zone, "e2e-extras", "custom-2-4096")
    got = instances.get(project=project, zone=zone, instance="e2e-extras")
    assert got.machine_type.endswith(f"/zones/{zone}/machineTypes/custom-2-4096")
    assert clients["MachineTypesClient"].get(project=project, zone=zone, machine_type="custom-2-4096").memory_mb == 4096

    serial = instances.get_serial_port_output(request=compute_v1.GetSerialPortOutputInstanceRequest(
        project=project, zone=zone, instance="e2e-extras", port=1))
    assert serial.contents == "" and serial.next_ == 0
    with pytest.raises(exceptions.BadRequest):
        instances.get_serial_port_output(request=compute_v1.GetSerialPortOutputInstanceRequest(
            project=project, zone=zone, instance="e2e-extras", port=7))

    done = finish(clients, project, zone, instances.set_deletion_protection_unary(
        request=compute_v1.SetDeletionProtectionInstanceRequest(
            project=project, zone=zone, resource="e2e-extras", deletion_protection=False)))
    assert done.operation_type == "setDeletionProtection"
    with pytest.raises(exceptions.BadRequest, match="deletionProtection"):
        instances.set_deletion_protection_unary(request=compute_v1.SetDeletionProtectionInstanceRequest(
            project=project, zone=zone, resource="e2e-extras", deletion_protection=True))

    finish(clients, project, zone, instances.set_scheduling_unary(
        project=project, zone=zone, instance="e2e-extras",
        scheduling_resource=compute_v1.Scheduling(automatic_restart=True, on_host_maintenance="MIGRATE")))
    with pytest.raises(exceptions.BadRequest, match="provisioningModel"):
        instances.set_scheduling_unary(project=project, zone=zone, instance="e2e-extras",
                                       scheduling_resource=compute_v1.Scheduling(provisioning_model="SPOT"))

    # update takes the instance back as the client got it, with labels and description changed.
    current = instances.get(project=project, zone=zone, instance="e2e-extras")
    current.labels["tier"] = "web"
    current.description = "updated by gapic"
    finish(clients, project, zone, instances.update_unary(
        project=project, zone=zone, instance="e2e-extras", instance_resource=current))
    updated = instances.get(project=project, zone=zone, instance="e2e-extras")
    assert dict(updated.labels) == {"client": "gapic", "tier": "web"} and updated.description == "updated by gapic"
    updated.can_ip_forward = True
    with pytest.raises(exceptions.BadRequest, match="canIpForward"):
        instances.update_unary(project=project, zone=zone, instance="e2e-extras", instance_resource=updated)

    request = compute_v1.InstancesSetNameRequest(name="e2e-renamed", current_name="e2e-extras")
    with pytest.raises(exceptions.BadRequest, match="stopped"):
        instances.set_name_unary(project=project, zone=zone, instance="e2e-extras", instances_set_name_request_resource=request)
    finish(clients, project, zone, instances.stop_unary(project=project, zone=zone, instance="e2e-extras"))
    finish(clients, project, zone, instances.set_name_unary(
        project=project, zone=zone, instance="e2e-extras", instances_set_name_request_resource=request))
    renamed = instances.get(project=project, zone=zone, instance="e2e-renamed")
    assert dict(renamed.labels) == {"client": "gapic", "tier": "web"}
    with pytest.raises(exceptions.NotFound):
        instances.get(project=project, zone=zone, instance="e2e-extras")
    finish(clients, project, zone, instances.delete_unary(project=project, zone=zone, instance="e2e-renamed"))


def test_accelerator_types_with_google_cloud_compute(clients, stackbridge):
    project = stackbridge.project
    zone = basic_zone(clients, project)
    accelerators = clients["AcceleratorTypesClient"]
    assert list(accelerators.list(project=project, zone=zone)) == []
    with pytest.raises(exceptions.NotFound):
        accelerators.get(project=project, zone=zone, accelerator_type="nvidia-tesla-t4")
    scopes = dict(accelerators.aggregated_list(project=project))
    assert f"zones/{zone}" in scopes
    assert all(not scope.accelerator_types and scope.warning.code == "NO_RESULTS_ON_PAGE" for scope in scopes.values())


def test_instance_extras_with_google_api_python_client(compute, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)

    def wait(operation):
        for _ in range(60):
            op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
            if op["status"] == "DONE":
                assert "error" not in op, op
                return op
        raise AssertionError("operation never finished")

    wait(compute.instances().insert(project=project, zone=zone, body={
        "name": "e2e-apc-extras", "machineType": machine_type["selfLink"],
        "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}]}).execute())
    serial = compute.instances().getSerialPortOutput(project=project, zone=zone, instance="e2e-apc-extras", start=10).execute()
    assert serial["contents"] == "" and serial["start"] == "10" and serial["next"] == "10"
    body = compute.instances().get(project=project, zone=zone, instance="e2e-apc-extras").execute()
    body["labels"] = {"via": "discovery"}
    wait(compute.instances().update(project=project, zone=zone, instance="e2e-apc-extras", body=body,
                                    minimalAction="NO_EFFECT").execute())
    assert compute.instances().get(project=project, zone=zone, instance="e2e-apc-extras").execute()["labels"] == {"via": "discovery"}
    with pytest.raises(HttpError) as refused:
        compute.instances().setScheduling(project=project, zone=zone, instance="e2e-apc-extras",
                                          body={"preemptible": True}).execute()
    assert refused.value.resp.status == 400 and b"preemptible" in refused.value.content
    wait(compute.instances().setDeletionProtection(project=project, zone=zone, resource="e2e-apc-extras",
                                                   deletionProtection=False).execute())
    assert compute.acceleratorTypes().list(project=project, zone=zone).execute().get("items", []) == []
    wait(compute.instances().delete(project=project, zone=zone, instance="e2e-apc-extras").execute())

"""google-cloud-compute (GAPIC REST transport) against StackBridge: the *_unary calls, then a ZoneOperationsClient
pointed at the bridge for get and wait (the ExtendedOperation poller would ask compute.googleapis.com)."""

import os

import pytest
from google.cloud import compute_v1

from gce_support import credentials


@pytest.fixture(scope="module")
def clients(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["ZonesClient", "RegionsClient", "MachineTypesClient", "DiskTypesClient", "ImagesClient",
                         "InstancesClient", "ZoneOperationsClient", "GlobalOperationsClient", "ProjectsClient"]}


def finish(clients, project, zone, operation):
    ops = clients["ZoneOperationsClient"]
    assert ops.get(project=project, zone=zone, operation=operation.name).name == operation.name
    for _ in range(60):
        done = ops.wait(project=project, zone=zone, operation=operation.name)
        if done.status == compute_v1.Operation.Status.DONE:
            assert not done.error.errors, done.error
            return done
    raise AssertionError("operation never finished")


def test_catalog(clients, stackbridge):
    project = stackbridge.project
    zones = list(clients["ZonesClient"].list(project=project))
    assert zones and all(z.status == "UP" for z in zones)
    zone = zones[0].name
    assert clients["ZonesClient"].get(project=project, zone=zone).name == zone
    region = list(clients["RegionsClient"].list(project=project))[0]
    assert clients["RegionsClient"].get(project=project, region=region.name).zones
    types = list(clients["MachineTypesClient"].list(project=project, zone=zone))
    assert clients["MachineTypesClient"].get(project=project, zone=zone, machine_type=types[0].name).guest_cpus >= 1
    aggregated = dict(clients["MachineTypesClient"].aggregated_list(project=project))
    assert all(key.startswith("zones/") for key in aggregated)
    assert list(clients["DiskTypesClient"].list(project=project, zone=zone))
    images = list(clients["ImagesClient"].list(project=project))
    assert images and images[0].self_link.startswith(stackbridge.gce_base_url)
    assert clients["ProjectsClient"].get(project=project).name == project


def test_instance_lifecycle_with_unary_calls(clients, stackbridge):
    project = stackbridge.project
    zone = next(z.name for z in clients["ZonesClient"].list(project=project) if "basic" in z.name)
    image = next(i for i in clients["ImagesClient"].list(project=project) if i.status == "READY")
    machine_type = min(clients["MachineTypesClient"].list(project=project, zone=zone), key=lambda t: t.memory_mb)
    instance = compute_v1.Instance(
        name="e2e-gapic", machine_type=machine_type.self_link,
        disks=[compute_v1.AttachedDisk(boot=True, auto_delete=True,
                                       initialize_params=compute_v1.AttachedDiskInitializeParams(source_image=image.self_link))],
        network_interfaces=[compute_v1.NetworkInterface(network="global/networks/default")],
        labels={"client": "gapic"})
    instances = clients["InstancesClient"]
    finish(clients, project, zone, instances.insert_unary(project=project, zone=zone, instance_resource=instance))
    got = instances.get(project=project, zone=zone, instance="e2e-gapic")
    assert got.status == "RUNNING" and dict(got.labels) == {"client": "gapic"}
    assert got.machine_type == machine_type.self_link
    finish(clients, project, zone, instances.stop_unary(project=project, zone=zone, instance="e2e-gapic"))
    finish(clients, project, zone, instances.start_unary(project=project, zone=zone, instance="e2e-gapic"))
    finish(clients, project, zone, instances.reset_unary(project=project, zone=zone, instance="e2e-gapic"))
    metadata = instances.get(project=project, zone=zone, instance="e2e-gapic").metadata
    finish(clients, project, zone, instances.set_metadata_unary(
        project=project, zone=zone, instance="e2e-gapic",
        metadata_resource=compute_v1.Metadata(fingerprint=metadata.fingerprint, items=[compute_v1.Items(key="k", value="v")])))
    assert [(i.key, i.value) for i in instances.get(project=project, zone=zone, instance="e2e-gapic").metadata.items] == [("k", "v")]
    ops = list(clients["ZoneOperationsClient"].list(project=project, zone=zone))
    assert any(op.operation_type == "insert" for op in ops)
    finish(clients, project, zone, instances.delete_unary(project=project, zone=zone, instance="e2e-gapic"))
    names = [i.name for i in instances.list(project=project, zone=zone)]
    assert "e2e-gapic" not in names

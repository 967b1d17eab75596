"""Disks end to end: google-cloud-compute's DisksClient (insert, get, list, resize, set_labels, delete with operations
polled), google-api-python-client (attachDisk, detachDisk) and libcloud's GCE driver (create_volume, attach_volume,
detach_volume, destroy_volume)."""

import os
import time

import google_auth_httplib2
import httplib2
import pytest
from google.cloud import compute_v1
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from libcloud.compute.drivers.gce import GCENetwork

from gce_support import credentials, first_zone_and_image
from test_gce_libcloud import driver  # noqa: F401  (the libcloud driver fixture, pointed at the bridge)

DEADLINE = 60


def gapic_finish(ops, project, zone, operation):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        done = ops.wait(project=project, zone=zone, operation=operation.name)
        if done.status == compute_v1.Operation.Status.DONE:
            assert not done.error.errors, done.error
            return done
    raise AssertionError("operation never finished")


def discovery_finish(compute, project, zone, operation):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
    raise AssertionError("operation never finished")


@pytest.fixture(scope="module")
def gapic(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return (compute_v1.DisksClient(credentials=creds, client_options=options),
            compute_v1.ZoneOperationsClient(credentials=creds, client_options=options),
            compute_v1.ZonesClient(credentials=creds, client_options=options))


@pytest.fixture(scope="module")
def compute(stackbridge):
    http = google_auth_httplib2.AuthorizedHttp(credentials(stackbridge), http=httplib2.Http(ca_certs=stackbridge.ca_file))
    return build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})


def test_disks_client_lifecycle(gapic, stackbridge):
    disks, ops, zones = gapic
    project = stackbridge.project
    zone = next(z.name for z in zones.list(project=project) if "basic" in z.name)
    disk = compute_v1.Disk(name="e2e-disk", size_gb=8, type_=f"zones/{zone}/diskTypes/custom", labels={"team": "a"})
    gapic_finish(ops, project, zone, disks.insert_unary(project=project, zone=zone, disk_resource=disk))
    got = disks.get(project=project, zone=zone, disk="e2e-disk")
    assert got.size_gb == 8 and dict(got.labels) == {"team": "a"} and got.status == "READY"
    assert "e2e-disk" in [d.name for d in disks.list(project=project, zone=zone)]
    with pytest.raises(Exception) as shrink:
        disks.resize_unary(project=project, zone=zone, disk="e2e-disk",
                           disks_resize_request_resource=compute_v1.DisksResizeRequest(size_gb=4))
    assert "400" in str(shrink.value) or "smaller" in str(shrink.value)
    gapic_finish(ops, project, zone, disks.resize_unary(
        project=project, zone=zone, disk="e2e-disk", disks_resize_request_resource=compute_v1.DisksResizeRequest(size_gb=16)))
    assert disks.get(project=project, zone=zone, disk="e2e-disk").size_gb == 16
    gapic_finish(ops, project, zone, disks.set_labels_unary(
        project=project, zone=zone, resource="e2e-disk",
        zone_set_labels_request_resource=compute_v1.ZoneSetLabelsRequest(label_fingerprint=got.label_fingerprint,
                                                                          labels={"team": "b"})))
    assert dict(disks.get(project=project, zone=zone, disk="e2e-disk").labels) == {"team": "b"}
    gapic_finish(ops, project, zone, disks.delete_unary(project=project, zone=zone, disk="e2e-disk"))
    assert "e2e-disk" not in [d.name for d in disks.list(project=project, zone=zone)]


def test_attach_and_detach_with_api_python_client(compute, stackbridge):
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    body = {"name": "e2e-attach", "machineType": machine_type["selfLink"],
            "disks": [{"boot": True, "autoDelete": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{"network": "global/networks/default"}]}
    discovery_finish(compute, project, zone, compute.instances().insert(project=project, zone=zone, body=body).execute())
    discovery_finish(compute, project, zone, compute.disks().insert(
        project=project, zone=zone, body={"name": "e2e-extra", "sizeGb": "2"}).execute())
    discovery_finish(compute, project, zone, compute.instances().attachDisk(
        project=project, zone=zone, instance="e2e-attach",
        body={"source": f"zones/{zone}/disks/e2e-extra", "deviceName": "data"}).execute())
    instance = compute.instances().get(project=project, zone=zone, instance="e2e-attach").execute()
    assert [(d["deviceName"], d["boot"], d["index"]) for d in instance["disks"]][1:] == [("data", False, 1)]
    disk = compute.disks().get(project=project, zone=zone, disk="e2e-extra").execute()
    assert disk["users"] == [instance["selfLink"]]
    with pytest.raises(HttpError) as in_use:
        compute.disks().delete(project=project, zone=zone, disk="e2e-extra").execute()
    assert in_use.value.resp.status == 400 and "resourceInUseByAnotherResource" in in_use.value.content.decode()
    discovery_finish(compute, project, zone, compute.instances().detachDisk(
        project=project, zone=zone, instance="e2e-attach", deviceName="data").execute())
    assert "users" not in compute.disks().get(project=project, zone=zone, disk="e2e-extra").execute()
    # Attached again and marked auto-delete: instances.delete takes it along; a disk left unmarked is kept.
    discovery_finish(compute, project, zone, compute.disks().insert(
        project=project, zone=zone, body={"name": "e2e-kept", "sizeGb": "2"}).execute())
    for name in ["e2e-extra", "e2e-kept"]:
        discovery_finish(compute, project, zone, compute.instances().attachDisk(
            project=project, zone=zone, instance="e2e-attach", body={"source": f"zones/{zone}/disks/{name}"}).execute())
    discovery_finish(compute, project, zone, compute.instances().setDiskAutoDelete(
        project=project, zone=zone, instance="e2e-attach", deviceName="e2e-extra", autoDelete=True).execute())
    disks = compute.instances().get(project=project, zone=zone, instance="e2e-attach").execute()["disks"]
    assert [(d["deviceName"], d["autoDelete"]) for d in disks][1:] == [("e2e-extra", True), ("e2e-kept", False)]
    discovery_finish(compute, project, zone, compute.instances().delete(project=project, zone=zone, instance="e2e-attach").execute())
    left = {d["name"]: d for d in compute.disks().list(project=project, zone=zone).execute().get("items", [])}
    assert left["e2e-kept"]["status"] == "READY" and "users" not in left["e2e-kept"]
    assert "e2e-extra" not in left or left["e2e-extra"]["status"] == "DELETING"
    discovery_finish(compute, project, zone, compute.disks().delete(project=project, zone=zone, disk="e2e-kept").execute())


def test_libcloud_volumes(driver, stackbridge):  # noqa: F811
    zone = next(z for z in driver.ex_list_zones() if "basic" in z.name)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    base = f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}"
    network = GCENetwork(id="0", name="default", cidr=None, driver=driver, extra={"selfLink": f"{base}/global/networks/default"})
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{zone.extra['selfLink']}/diskTypes/small"}})()
    node = driver.create_node("e2e-lc-vol", size, image, location=zone, ex_network=network, ex_disk_type=disk_type)
    volume = driver.create_volume(3, "e2e-lc-disk", location=zone, ex_disk_type="custom")
    assert volume.size == "3" or int(volume.size) == 3
    assert driver.attach_volume(node, volume)
    node = driver.ex_get_node("e2e-lc-vol", zone.name)
    assert [d["deviceName"] for d in node.extra["disks"]][1:] == ["e2e-lc-disk"]
    assert driver.detach_volume(volume, ex_node=node)  # libcloud polls the operation until DONE
    assert not driver.ex_get_volume("e2e-lc-disk", zone.name).extra.get("users")
    assert driver.destroy_volume(driver.ex_get_volume("e2e-lc-disk", zone.name))
    assert driver.destroy_node(node)


def test_extra_disks_and_bulk_set_labels_with_google_cloud_compute(gapic, stackbridge):
    disks, ops, zones = gapic
    project = stackbridge.project
    zone = next(z.name for z in zones.list(project=project) if "basic" in z.name)
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    instances = compute_v1.InstancesClient(credentials=creds, client_options=options)
    image = next(i for i in compute_v1.ImagesClient(credentials=creds, client_options=options).list(project=project)
                 if i.status == "READY")
    machine_type = min(compute_v1.MachineTypesClient(credentials=creds, client_options=options).list(project=project, zone=zone),
                       key=lambda m: m.memory_mb)
    gapic_finish(ops, project, zone, disks.insert_unary(
        project=project, zone=zone, disk_resource=compute_v1.Disk(name="e2e-gx-old", size_gb=2)))
    instance = compute_v1.Instance(
        name="e2e-gx", machine_type=machine_type.self_link,
        disks=[compute_v1.AttachedDisk(boot=True, auto_delete=True,
                                       initialize_params=compute_v1.AttachedDiskInitializeParams(source_image=image.self_link)),
               compute_v1.AttachedDisk(source=f"zones/{zone}/disks/e2e-gx-old", device_name="old"),
               compute_v1.AttachedDisk(device_name="new", auto_delete=True, initialize_params=compute_v1.AttachedDiskInitializeParams(
                   disk_name="e2e-gx-new", disk_size_gb=5, disk_type=f"zones/{zone}/diskTypes/custom"))])
    gapic_finish(ops, project, zone, instances.insert_unary(project=project, zone=zone, instance_resource=instance))
    got = instances.get(project=project, zone=zone, instance="e2e-gx")
    assert [(d.device_name, d.index, d.boot, d.auto_delete) for d in got.disks] == [
        ("e2e-gx", 0, True, True), ("old", 1, False, False), ("new", 2, False, True)]
    boot = disks.get(project=project, zone=zone, disk="e2e-gx")
    assert boot.type_.endswith("/diskTypes/pd-standard")
    assert compute_v1.DiskTypesClient(credentials=creds, client_options=options).get(
        project=project, zone=zone, disk_type="pd-standard").name == "pd-standard"
    new = disks.get(project=project, zone=zone, disk="e2e-gx-new")
    assert new.size_gb == 5 and list(new.users) == [got.self_link]
    for name in ["e2e-gx-old", "e2e-gx-new"]:
        fingerprint = disks.get(project=project, zone=zone, disk=name).label_fingerprint
        # The client's flattened arguments leave out the optional `resource` query parameter: a request object carries it.
        request = compute_v1.BulkSetLabelsDiskRequest(
            project=project, zone=zone, resource=name, bulk_zone_set_labels_request_resource=compute_v1.BulkZoneSetLabelsRequest(
                requests=[compute_v1.BulkSetLabelsRequest(label_fingerprint=fingerprint, labels={"set": "gx"})]))
        gapic_finish(ops, project, zone, disks.bulk_set_labels_unary(request=request))
    assert sorted(d.name for d in disks.list(request=compute_v1.ListDisksRequest(project=project, zone=zone, filter="labels.set = gx"))) == ["e2e-gx-new", "e2e-gx-old"]
    gapic_finish(ops, project, zone, instances.delete_unary(project=project, zone=zone, instance="e2e-gx"))
    left = {d.name: d for d in disks.list(project=project, zone=zone)}
    assert left["e2e-gx-old"].status == "READY" and not left["e2e-gx-old"].users
    assert "e2e-gx-new" not in left or left["e2e-gx-new"].status == "DELETING"
    gapic_finish(ops, project, zone, disks.delete_unary(project=project, zone=zone, disk="e2e-gx-old"))


def test_libcloud_create_node_with_extra_disks(driver, stackbridge):  # noqa: F811
    zone = next(z for z in driver.ex_list_zones() if "basic" in z.name)
    image = next(i for i in driver.ex_list_project_images() if i.extra["status"] == "READY")
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    base = f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}"
    network = GCENetwork(id="0", name="default", cidr=None, driver=driver, extra={"selfLink": f"{base}/global/networks/default"})
    existing = driver.create_volume(2, "e2e-lc-x-old", location=zone, ex_disk_type="custom")
    disks = [
        {"boot": True, "autoDelete": True, "type": "PERSISTENT", "mode": "READ_WRITE", "deviceName": "e2e-lc-x",
         "initializeParams": {"sourceImage": image.extra["selfLink"]}},
        {"boot": False, "autoDelete": False, "type": "PERSISTENT", "mode": "READ_WRITE", "deviceName": "data-old",
         "source": existing.extra["selfLink"]},
        {"boot": False, "autoDelete": True, "type": "PERSISTENT", "mode": "READ_WRITE", "deviceName": "data-new",
         "initializeParams": {"diskName": "e2e-lc-x-new", "diskSizeGb": 4, "diskType": f"{zone.extra['selfLink']}/diskTypes/custom"}},
    ]
    node = driver.create_node("e2e-lc-x", size, image, location=zone, ex_network=network, ex_disks_gce_struct=disks)
    assert [(d["deviceName"], d["autoDelete"]) for d in node.extra["disks"]] == [
        ("e2e-lc-x", True), ("data-old", False), ("data-new", True)]
    assert int(driver.ex_get_volume("e2e-lc-x-new", zone.name).size) == 4
    assert driver.destroy_node(node)
    kept = driver.ex_get_volume("e2e-lc-x-old", zone.name)
    assert not kept.extra.get("users")
    assert driver.destroy_volume(kept)

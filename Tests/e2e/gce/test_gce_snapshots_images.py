"""Snapshots, image extras and public image projects with google-cloud-compute: an instance booted from the
ubuntu-os-cloud family (a featured template placed there by OS type), a snapshot of its boot disk taken, read,
relabelled and deleted with SnapshotsClient, and images.get_from_family in the public project."""

import os

import pytest
from google.cloud import compute_v1

from gce_support import credentials, finish_operation as finish
from test_gce_libcloud import driver  # noqa: F401 (the libcloud driver fixture, pointed at the bridge)


@pytest.fixture(scope="module")
def clients(stackbridge):
    os.environ["REQUESTS_CA_BUNDLE"] = stackbridge.ca_file
    creds = credentials(stackbridge)
    options = {"api_endpoint": stackbridge.gce_base_url}
    return {name: getattr(compute_v1, name)(credentials=creds, client_options=options)
            for name in ["ZonesClient", "MachineTypesClient", "ImagesClient", "InstancesClient", "DisksClient",
                         "SnapshotsClient", "ZoneOperationsClient", "GlobalOperationsClient"]}



def test_public_family_snapshot_lifecycle(clients, stackbridge):
    project = stackbridge.project
    public = clients["ImagesClient"].get_from_family(project="ubuntu-os-cloud", family="ubuntu-2204-lts")
    assert public.family == "ubuntu-2204-lts" and "/projects/ubuntu-os-cloud/" in public.self_link
    with pytest.raises(Exception):
        clients["ImagesClient"].delete_unary(project="ubuntu-os-cloud", image=public.name)

    zone = list(clients["ZonesClient"].list(project=project))[0].name
    machine_type = min(clients["MachineTypesClient"].list(project=project, zone=zone), key=lambda t: t.memory_mb)
    instance = compute_v1.Instance(
        name="e2e-snap", machine_type=machine_type.self_link,
        disks=[compute_v1.AttachedDisk(boot=True, auto_delete=True, initialize_params=compute_v1.AttachedDiskInitializeParams(
            source_image="projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts"))],
        network_interfaces=[compute_v1.NetworkInterface(network="global/networks/default")])
    instances = clients["InstancesClient"]
    finish(clients, project, instances.insert_unary(project=project, zone=zone, instance_resource=instance), zone=zone)
    disk = instances.get(project=project, zone=zone, instance="e2e-snap").disks[0].source.rsplit("/", 1)[-1]

    op = clients["DisksClient"].create_snapshot_unary(
        project=project, zone=zone, disk=disk,
        snapshot_resource=compute_v1.Snapshot(name="e2e-snap-1", labels={"env": "e2e"}))
    finish(clients, project, op, zone=zone)
    snapshots = clients["SnapshotsClient"]
    got = snapshots.get(project=project, snapshot="e2e-snap-1")
    assert got.status == "READY" and got.labels == {"env": "e2e"} and got.source_disk.endswith("/disks/" + disk)
    assert [s.name for s in snapshots.list(request=compute_v1.ListSnapshotsRequest(project=project, filter="labels.env=e2e"))] == ["e2e-snap-1"]
    request = compute_v1.GlobalSetLabelsRequest(labels={"env": "done"}, label_fingerprint=got.label_fingerprint)
    finish(clients, project, snapshots.set_labels_unary(project=project, resource="e2e-snap-1",
                                                        global_set_labels_request_resource=request))
    assert snapshots.get(project=project, snapshot="e2e-snap-1").labels == {"env": "done"}
    finish(clients, project, snapshots.delete_unary(project=project, snapshot="e2e-snap-1"))
    # Other tests of this session share the account (EC2's CreateImage snapshots among them): only ours must be gone.
    assert "e2e-snap-1" not in [s.name for s in snapshots.list(project=project)]
    finish(clients, project, instances.delete_unary(project=project, zone=zone, instance="e2e-snap"), zone=zone)


def test_libcloud_public_image_and_snapshots(driver, stackbridge):
    """libcloud's GCE driver: create_node from an ubuntu-os-cloud family image, then create_volume_snapshot,
    list_snapshots, ex_get_snapshot and destroy_volume_snapshot on its boot disk."""
    from libcloud.compute.drivers.gce import GCENetwork
    zone = next(z for z in driver.ex_list_zones() if "basic" in z.name)
    size = min(driver.list_sizes(location=zone.name), key=lambda s: s.ram)
    image = driver.ex_get_image_from_family("ubuntu-2204-lts", ex_project_list=["ubuntu-os-cloud"])
    assert "/projects/ubuntu-os-cloud/" in image.extra["selfLink"]
    network = GCENetwork(id="0", name="default", cidr=None, driver=driver,
                         extra={"selfLink": f"{stackbridge.gce_base_url}/compute/v1/projects/{stackbridge.project}/global/networks/default"})
    disk_type = type("DiskType", (), {"name": "small", "extra": {"selfLink": f"{zone.extra['selfLink']}/diskTypes/small"}})()
    node = driver.create_node("e2e-lc-snap", size, image, location=zone, ex_network=network, ex_disk_type=disk_type)
    disk_name = node.extra["disks"][0]["source"].rsplit("/", 1)[-1]
    volume = driver.ex_get_volume(disk_name, zone)
    snapshot = driver.create_volume_snapshot(volume, "e2e-lc-snap-1")
    assert snapshot.name == "e2e-lc-snap-1"
    assert "e2e-lc-snap-1" in [s.name for s in driver.ex_list_snapshots()]
    assert driver.ex_get_snapshot("e2e-lc-snap-1").extra["sourceDisk"].endswith("/disks/" + disk_name)
    assert driver.destroy_volume_snapshot(driver.ex_get_snapshot("e2e-lc-snap-1"))
    assert "e2e-lc-snap-1" not in [s.name for s in driver.ex_list_snapshots()]
    assert driver.destroy_node(node)


def test_api_python_client_image_extras(stackbridge):
    """google-api-python-client, built from the bridge's discovery document: images.setLabels, patch, deprecate
    (shown by images.list), imageFamilyViews.get in a public project, and a 403 for a public image's deletion."""
    import google_auth_httplib2
    import httplib2
    from googleapiclient.discovery import build
    from googleapiclient.errors import HttpError

    creds = credentials(stackbridge)
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file))
    compute = build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})
    project = stackbridge.project

    def done(operation):
        for _ in range(60):
            op = compute.globalOperations().wait(project=project, operation=operation["name"]).execute()
            if op["status"] == "DONE":
                assert "error" not in op, op
                return op
        raise AssertionError("operation never finished")

    op = compute.images().insert(project=project, body={
        "name": "e2e-extras", "rawDisk": {"source": "http://example.org/e2e.qcow2"}}).execute()
    done(op)
    image = compute.images().get(project=project, image="e2e-extras").execute()
    done(compute.images().setLabels(project=project, resource="e2e-extras", body={
        "labels": {"tier": "gold"}, "labelFingerprint": image["labelFingerprint"]}).execute())
    done(compute.images().patch(project=project, image="e2e-extras", body={"description": "patched"}).execute())
    done(compute.images().deprecate(project=project, image="e2e-extras", body={"state": "OBSOLETE"}).execute())
    listed = [i for i in compute.images().list(project=project, filter="labels.tier=gold").execute().get("items", [])]
    assert [i["name"] for i in listed] == ["e2e-extras"]
    assert listed[0]["deprecated"]["state"] == "OBSOLETE" and listed[0]["description"] == "patched"
    with pytest.raises(HttpError) as refused:
        compute.images().patch(project=project, image="e2e-extras", body={"family": "other"}).execute()
    assert refused.value.resp.status == 400

    zone = compute.zones().list(project=project).execute()["items"][0]["name"]
    view = compute.imageFamilyViews().get(project="centos-cloud", zone=zone, family="centos-5").execute()
    assert view["image"]["family"] == "centos-5"
    with pytest.raises(HttpError) as forbidden:
        compute.images().delete(project="centos-cloud", image=view["image"]["name"]).execute()
    assert forbidden.value.resp.status == 403
    done(compute.images().delete(project=project, image="e2e-extras").execute())

"""Issue #14's scenario in one go, with google-api-python-client against the bridge: an instance booted from a
public image project's family, a disk attached to it, snapshotted, resized, everything labelled and found by
label, a disk from the snapshot, then all of it deleted in one batch request, and CloudStack shown empty of it.

CloudStack 4.18's createVolume takes no template, so a data disk cannot start from an image: disks.insert with
`sourceImage` is refused naming the field (docs/gce.md), and the family goes to the boot disk instead."""

import time

import google_auth_httplib2
import httplib2
import pytest
from cs import CloudStack
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from gce_support import credentials, first_zone_and_image

LABELS = {"gce_scenario": "one-go"}  # its own key: EC2's scenario tags "scenario" in the same account


def wait_until(predicate, what, detail=None, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}" + (f": {detail()}" if detail else ""))


def done(compute, project, operation):
    """Waits for a zonal or global operation with the matching `*.wait` method; fails on an operation error."""
    def finished():
        if "zone" in operation:
            zone = operation["zone"].rsplit("/", 1)[1]
            op = compute.zoneOperations().wait(project=project, zone=zone, operation=operation["name"]).execute()
        else:
            op = compute.globalOperations().wait(project=project, operation=operation["name"]).execute()
        return op if op["status"] == "DONE" else None

    op = wait_until(finished, f"operation {operation['name']}")
    assert "error" not in op, op
    return op


def public_family(compute):
    """A family in a configured public image project: the first READY image there that has one."""
    for project in ("debian-cloud", "ubuntu-os-cloud", "centos-cloud"):
        images = compute.images().list(project=project).execute().get("items", [])
        for image in images:
            if image.get("family") and image["status"] == "READY":
                return project, image["family"]
    raise AssertionError("no public image project has a family")


def test_disk_from_public_family_attach_snapshot_resize_label_copy_and_batch_delete(stackbridge):
    creds = credentials(stackbridge)
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file))
    # The bridge's own discovery document: its rootUrl and batchPath send new_batch_http_request to the bridge.
    compute = build("compute", "v1", http=http, cache_discovery=False,
                    discoveryServiceUrl=stackbridge.gce_base_url + "/discovery/v1/apis/{api}/{apiVersion}/rest")
    project = stackbridge.project
    zone, image, machine_type = first_zone_and_image(compute, project)
    image_project, family = public_family(compute)
    from_family = compute.images().getFromFamily(project=image_project, family=family).execute()
    assert from_family["family"] == family and from_family["status"] == "READY"

    # A running instance booted from the public family, and a data disk attached under a device name of ours.
    family_link = f"projects/{image_project}/global/images/family/{family}"
    done(compute, project, compute.instances().insert(project=project, zone=zone, body={
        "name": "scn-vm", "machineType": machine_type["selfLink"],
        "disks": [{"boot": True, "autoDelete": True, "initializeParams": {"sourceImage": family_link}}],
        "networkInterfaces": [{"network": "global/networks/default"}]}).execute())
    with pytest.raises(HttpError) as refused:
        compute.disks().insert(project=project, zone=zone, body={"name": "scn-img", "sourceImage": family_link}).execute()
    assert refused.value.resp.status == 400 and "sourceImage" in refused.value.content.decode()
    done(compute, project, compute.disks().insert(project=project, zone=zone, body={"name": "scn-data", "sizeGb": "10"}).execute())
    data = compute.disks().get(project=project, zone=zone, disk="scn-data").execute()
    assert data["status"] == "READY" and data["sizeGb"] == "10"
    done(compute, project, compute.instances().attachDisk(project=project, zone=zone, instance="scn-vm", body={
        "source": data["selfLink"], "deviceName": "data"}).execute())
    instance = compute.instances().get(project=project, zone=zone, instance="scn-vm").execute()
    assert instance["status"] == "RUNNING"
    boot = [d for d in instance["disks"] if d["boot"]]
    assert len(boot) == 1 and boot[0]["source"].endswith("/disks/scn-vm")
    boot_disk = compute.disks().get(project=project, zone=zone, disk="scn-vm").execute()
    # The public image is also one of the caller's own (CloudStack shows featured templates to every account), so
    # the link may name either project; either way it resolves to the image the family named.
    source_project, source_image = boot_disk["sourceImage"].split("/projects/", 1)[1].split("/global/images/")
    assert compute.images().get(project=source_project, image=source_image).execute()["id"] == from_family["id"]
    attached = [d for d in instance["disks"] if d["deviceName"] == "data"]
    assert len(attached) == 1 and attached[0]["source"] == data["selfLink"] and not attached[0]["boot"]
    assert compute.disks().get(project=project, zone=zone, disk="scn-data").execute()["users"] == [instance["selfLink"]]

    # Snapshot, then resize.
    done(compute, project, compute.disks().createSnapshot(project=project, zone=zone, disk="scn-data", body={
        "name": "scn-snap"}).execute())
    snapshot = wait_until(lambda: (lambda s: s if s["status"] == "READY" else None)(
        compute.snapshots().get(project=project, snapshot="scn-snap").execute()), "the snapshot to be READY")
    assert snapshot["sourceDisk"] == data["selfLink"] and int(snapshot["diskSizeGb"]) == 10
    done(compute, project, compute.disks().resize(project=project, zone=zone, disk="scn-data", body={"sizeGb": "20"}).execute())
    assert compute.disks().get(project=project, zone=zone, disk="scn-data").execute()["sizeGb"] == "20"

    # Label everything, and find it all by label.
    done(compute, project, compute.instances().setLabels(project=project, zone=zone, instance="scn-vm", body={
        "labels": LABELS, "labelFingerprint": instance["labelFingerprint"]}).execute())
    done(compute, project, compute.disks().setLabels(project=project, zone=zone, resource="scn-data", body={
        "labels": LABELS, "labelFingerprint": data["labelFingerprint"]}).execute())
    done(compute, project, compute.snapshots().setLabels(project=project, resource="scn-snap", body={
        "labels": LABELS, "labelFingerprint": snapshot["labelFingerprint"]}).execute())
    by_label = 'labels.gce_scenario = "one-go"'
    assert [i["name"] for i in compute.instances().list(project=project, zone=zone, filter=by_label).execute()["items"]] == ["scn-vm"]
    assert [d["name"] for d in compute.disks().list(project=project, zone=zone, filter=by_label).execute()["items"]] == ["scn-data"]
    assert [s["name"] for s in compute.snapshots().list(project=project, filter=by_label).execute()["items"]] == ["scn-snap"]

    # A disk from the snapshot.
    done(compute, project, compute.disks().insert(project=project, zone=zone, body={
        "name": "scn-copy", "sourceSnapshot": snapshot["selfLink"], "labels": LABELS}).execute())
    copy = compute.disks().get(project=project, zone=zone, disk="scn-copy").execute()
    assert copy["sourceSnapshot"] == snapshot["selfLink"] and copy["labels"] == LABELS and int(copy["sizeGb"]) >= 10

    cloudstack = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                            secret=stackbridge.admin_secret)
    vm_ids = {vm["id"] for vm in cloudstack.listVirtualMachines(listall=True, fetch_list=True) if vm["name"] == "scn-vm"}
    volume_ids = {v["id"] for v in cloudstack.listVolumes(listall=True, fetch_list=True) if v.get("virtualmachineid") in vm_ids}
    volume_ids |= {v["id"] for v in cloudstack.listVolumes(listall=True, fetch_list=True) if v["name"] in ("scn-data", "scn-copy")}
    snapshot_ids = {s["id"] for s in cloudstack.listSnapshots(listall=True, fetch_list=True) if s["name"] == "scn-snap"}
    assert len(vm_ids) == 1 and len(volume_ids) >= 3 and len(snapshot_ids) == 1

    # Everything goes in one batch: the data disk with the instance (auto-delete), the copy and the snapshot.
    done(compute, project, compute.instances().setDiskAutoDelete(project=project, zone=zone, instance="scn-vm",
                                                                 autoDelete=True, deviceName="data").execute())
    answers = {}

    def collect(request_id, response, exception):
        answers[request_id] = exception or response

    batch = compute.new_batch_http_request(callback=collect)
    batch.add(compute.instances().delete(project=project, zone=zone, instance="scn-vm"), request_id="vm")
    batch.add(compute.disks().delete(project=project, zone=zone, disk="scn-copy"), request_id="copy")
    batch.add(compute.snapshots().delete(project=project, snapshot="scn-snap"), request_id="snap")
    batch.execute()
    assert set(answers) == {"vm", "copy", "snap"}
    for request_id, answer in answers.items():
        assert isinstance(answer, dict) and answer["kind"] == "compute#operation", (request_id, answer)
        done(compute, project, answer)

    def leftovers():
        # A destroyed VM and the volumes destroyed with it (its root and the auto-delete data disk) wait for
        # CloudStack's own expunge (expunge.delay), tags and all; anything else still there is left over.
        vms = [(vm["id"], vm["state"]) for vm in cloudstack.listVirtualMachines(listall=True, fetch_list=True)
               if vm["id"] in vm_ids and vm["state"] not in ("Destroyed", "Expunging")]
        all_volumes = [v for v in cloudstack.listVolumes(listall=True, fetch_list=True) if v["id"] in volume_ids]
        awaiting_expunge = vm_ids | {v["id"] for v in all_volumes if v["state"] in ("Destroy", "Expunging")}
        volumes = [(v["id"], v["state"], v["type"]) for v in all_volumes if v["id"] not in awaiting_expunge]
        snapshots = [s["id"] for s in cloudstack.listSnapshots(listall=True, fetch_list=True) if s["id"] in snapshot_ids]
        # Only this test's resources: other tests of the session (EC2's scenario) tag their own resources.
        ours = (vm_ids | volume_ids | snapshot_ids) - awaiting_expunge
        tags = [(t["resourcetype"], t["resourceid"]) for t in cloudstack.listTags(listall=True, fetch_list=True)
                if t["key"] == "gce_scenario" and t["resourceid"] in ours]
        return {"vms": vms, "volumes": volumes, "snapshots": snapshots, "tags": tags}

    wait_until(lambda: not any(leftovers().values()), "everything to be gone", detail=leftovers)
    assert not compute.disks().list(project=project, zone=zone, filter=by_label).execute().get("items")
    assert not compute.snapshots().list(project=project, filter=by_label).execute().get("items")

"""One scenario a real user runs in one go (issue #12), with boto3 against the demo bridge:

launch, create a volume, attach it, snapshot it, resize it, tag everything, filter by tag, create an
image from the running instance, launch from that image with an extra data volume, then tear it all
down and show, through CloudStack's own admin view of the simulator, that nothing is left.
"""

import time

from cs import CloudStack

from ec2_helpers import FAST_WAITER, boto3_client, featured_image, smallest_type

TAG = {"Key": "scenario", "Value": "one <go> & \"all\" \u00e9t\u00e9"}


def wait_until(predicate, timeout=60.0, what="condition", detail=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}" + (f": {detail()}" if detail else ""))


def admin_view(bridge):
    """CloudStack's own API on the simulator, as the root admin: what really exists."""
    return CloudStack(endpoint=bridge.simulator_url + "/client/api", key=bridge.admin_key, secret=bridge.admin_secret)


def cloudstack_uuid(ec2_id):
    """The CloudStack UUID behind an EC2 id (`vol-<32 hex>`)."""
    hex_digits = ec2_id.split("-", 1)[1]
    return "-".join([hex_digits[:8], hex_digits[8:12], hex_digits[12:16], hex_digits[16:20], hex_digits[20:]])


def test_launch_volume_snapshot_resize_tag_image_relaunch_teardown(stackbridge):
    ec2 = boto3_client(stackbridge)
    instance_type = smallest_type(ec2)
    created = {"instances": [], "volumes": [], "snapshots": [], "images": []}

    # Launch.
    first = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=instance_type, MinCount=1, MaxCount=1,
                              TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}])
    instance_id = first["Instances"][0]["InstanceId"]
    created["instances"].append(instance_id)
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=FAST_WAITER)
    instance = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    zone = instance["Placement"]["AvailabilityZone"]
    assert {"Key": "Name", "Value": "web"} in instance["Tags"]

    # Create a volume, attach it.
    volume_id = ec2.create_volume(AvailabilityZone=zone, Size=2, VolumeType="gp3")["VolumeId"]
    created["volumes"].append(volume_id)
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume_id], WaiterConfig=FAST_WAITER)
    ec2.attach_volume(VolumeId=volume_id, InstanceId=instance_id, Device="/dev/sdf")
    ec2.get_waiter("volume_in_use").wait(VolumeIds=[volume_id], WaiterConfig=FAST_WAITER)
    # As Terraform's aws_volume_attachment does: wait for the attachment itself to be `attached`.
    volume = wait_until(lambda: next((v for v in ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"]
                                      if v["Attachments"] and v["Attachments"][0]["State"] == "attached"), None),
                        what="the attachment")
    assert volume["Attachments"][0]["InstanceId"] == instance_id
    assert volume["Attachments"][0]["Device"] == "/dev/sdf"
    mappings = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["BlockDeviceMappings"]
    assert {m["DeviceName"]: m["Ebs"]["VolumeId"] for m in mappings}["/dev/sdf"] == volume_id

    # Snapshot it.
    snapshot_id = ec2.create_snapshot(VolumeId=volume_id, Description="scenario data")["SnapshotId"]
    created["snapshots"].append(snapshot_id)
    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=[snapshot_id], WaiterConfig=FAST_WAITER)
    snapshot = ec2.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"][0]
    assert snapshot["VolumeId"] == volume_id and snapshot["State"] == "completed"

    # Resize it.
    ec2.modify_volume(VolumeId=volume_id, Size=4)
    wait_until(lambda: ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"][0]["Size"] == 4, what="the resize")
    modification = ec2.describe_volumes_modifications(VolumeIds=[volume_id])["VolumesModifications"][0]
    assert modification["TargetSize"] == 4 and modification["OriginalSize"] == 2

    # Tag everything, filter by tag.
    ec2.create_tags(Resources=[instance_id, volume_id, snapshot_id], Tags=[TAG])
    tagged = ec2.describe_tags(Filters=[{"Name": "key", "Values": ["scenario"]}])["Tags"]
    assert {t["ResourceId"]: (t["ResourceType"], t["Value"]) for t in tagged} == {
        instance_id: ("instance", TAG["Value"]), volume_id: ("volume", TAG["Value"]),
        snapshot_id: ("snapshot", TAG["Value"])}
    tag_filter = [{"Name": "tag:scenario", "Values": [TAG["Value"]]}]
    assert [v["VolumeId"] for v in ec2.describe_volumes(Filters=tag_filter)["Volumes"]] == [volume_id]
    assert [s["SnapshotId"] for s in ec2.describe_snapshots(OwnerIds=["self"], Filters=tag_filter)["Snapshots"]] == [snapshot_id]
    reservations = ec2.describe_instances(Filters=tag_filter)["Reservations"]
    assert [i["InstanceId"] for r in reservations for i in r["Instances"]] == [instance_id]

    # An image of the running instance.
    image_id = ec2.create_image(InstanceId=instance_id, Name="scenario-image", Description="from a running instance",
                                TagSpecifications=[{"ResourceType": "image", "Tags": [TAG]}])["ImageId"]
    created["images"].append(image_id)
    ec2.get_waiter("image_available").wait(ImageIds=[image_id], WaiterConfig=FAST_WAITER)
    image = ec2.describe_images(ImageIds=[image_id])["Images"][0]
    assert image["State"] == "available" and TAG in image["Tags"]
    for mapping in image.get("BlockDeviceMappings", []):
        if mapping.get("Ebs", {}).get("SnapshotId"):
            created["snapshots"].append(mapping["Ebs"]["SnapshotId"])

    # Launch from it with an extra data volume.
    second = ec2.run_instances(ImageId=image_id, InstanceType=instance_type, MinCount=1, MaxCount=1, BlockDeviceMappings=[
        {"DeviceName": "/dev/sdg", "Ebs": {"VolumeSize": 1, "DeleteOnTermination": True}}])
    second_id = second["Instances"][0]["InstanceId"]
    created["instances"].append(second_id)
    ec2.get_waiter("instance_running").wait(InstanceIds=[second_id], WaiterConfig=FAST_WAITER)
    attached = wait_until(lambda: [v for v in ec2.describe_volumes(
        Filters=[{"Name": "attachment.instance-id", "Values": [second_id]}])["Volumes"] if len(v["Attachments"]) == 1],
        what="the new instance's volumes")
    devices = {v["Attachments"][0]["Device"]: v for v in attached}
    assert "/dev/sdg" in devices and devices["/dev/sdg"]["Size"] == 1
    assert devices["/dev/sdg"]["Attachments"][0]["DeleteOnTermination"] is True

    # Tear it all down, in the order Terraform destroys it: the attachment, the instances, the rest.
    ec2.detach_volume(VolumeId=volume_id, InstanceId=instance_id, Device="/dev/sdf")
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume_id], WaiterConfig=FAST_WAITER)
    ec2.terminate_instances(InstanceIds=created["instances"])
    ec2.get_waiter("instance_terminated").wait(InstanceIds=created["instances"], WaiterConfig=FAST_WAITER)
    ec2.delete_volume(VolumeId=volume_id)
    ec2.get_waiter("volume_deleted").wait(VolumeIds=[volume_id], WaiterConfig=FAST_WAITER)
    ec2.deregister_image(ImageId=image_id)
    for snapshot in created["snapshots"]:
        ec2.delete_snapshot(SnapshotId=snapshot)
    assert ec2.describe_images(ImageIds=[image_id])["Images"] == []

    # Nothing is left in CloudStack: not the VMs, not a volume (root or data), snapshot, template or tag.
    cloudstack = admin_view(stackbridge)
    instance_uuids = {cloudstack_uuid(i) for i in created["instances"]}

    def leftovers():
        # Destroyed VMs and their Destroy root volumes wait for CloudStack's own expunge (expunge.delay), as
        # CloudStack keeps every terminated VM for a while; anything else still there is left over.
        vms = [(vm["id"], vm["state"]) for vm in cloudstack.listVirtualMachines(listall=True, fetch_list=True)
               if vm["id"] in instance_uuids and vm["state"] not in ("Destroyed", "Expunging")]
        awaiting_expunge = {vm["id"] for vm in cloudstack.listVirtualMachines(listall=True, fetch_list=True)
                            if vm["id"] in instance_uuids}
        volumes = [(v["id"], v["state"], v["type"]) for v in cloudstack.listVolumes(listall=True, fetch_list=True)
                   if (v["id"] == cloudstack_uuid(volume_id) or v.get("virtualmachineid") in instance_uuids)
                   and not (v["type"] == "ROOT" and v["state"] in ("Destroy", "Expunging"))]
        snapshots = [(s["id"], s["state"]) for s in cloudstack.listSnapshots(listall=True, fetch_list=True)
                     if s["id"] in {cloudstack_uuid(x) for x in created["snapshots"]}]
        templates = [t["id"] for t in cloudstack.listTemplates(templatefilter="all", listall=True, fetch_list=True)
                     if t["id"] == cloudstack_uuid(image_id)]
        tags = [(t["resourcetype"], t["resourceid"]) for t in cloudstack.listTags(listall=True, fetch_list=True)
                if t["key"] == "scenario" and t["resourceid"] not in awaiting_expunge]
        return {"vms": vms, "volumes": volumes, "snapshots": snapshots, "templates": templates, "tags": tags}

    wait_until(lambda: not any(leftovers().values()), what="everything to be gone", detail=leftovers)

import JSON

extension World {
    /// Writes a `VolumeResponse`.
    func writeVolume(_ volume: Volume, into w: inout JSONWriter) {
        let vm = volume.virtualMachineID.flatMap { virtualMachines[$0] }
        w.beginObject()
        w.member("id", volume.id)
        w.member("name", volume.name)
        w.member("zoneid", volume.zoneID)
        w.member("zonename", zones[volume.zoneID]?.name ?? "")
        w.member("type", volume.type)
        if let deviceID = volume.deviceID, vm != nil { w.member("deviceid", deviceID) }
        if let vm {
            w.member("virtualmachineid", vm.id)
            w.member("vmname", vm.name)
            w.member("vmdisplayname", vm.displayName)
            w.member("vmstate", vm.state)
            w.member("vmtype", "User")
        }
        w.member("provisioningtype", "thin")
        w.member("size", volume.size)
        w.member("created", DateText.format(volume.created))
        w.member("state", volume.state)
        writeOwner(volume.accountID, into: &w)
        w.member("storagetype", "shared")
        w.member("hypervisor", "Simulator")
        // 4.18 gives a ROOT volume its compute offering's compute-only disk offering, which the response names
        // as the service offering (VolumeJoinDaoImpl), never as a disk offering; a root volume deployed with
        // `overridediskofferingid` has an ordinary disk offering, named as one.
        if volume.type == "ROOT", volume.diskOfferingID == nil, let vm, let offering = serviceOfferings[vm.serviceOfferingID] {
            w.member("serviceofferingid", offering.id)
            w.member("serviceofferingname", offering.name)
            w.member("serviceofferingdisplaytext", offering.displayText)
        } else if let offeringID = volume.diskOfferingID, let offering = diskOfferings[offeringID] {
            w.member("diskofferingid", offering.id)
            w.member("diskofferingname", offering.name)
            w.member("diskofferingdisplaytext", offering.displayText)
        }
        if volume.state != "Allocated" {
            w.member("storageid", zoneID(forStorage: volume.zoneID))
            w.member("storage", "PS0")
            w.member("path", volume.id)
        }
        if let attached = volume.attached, vm != nil { w.member("attached", DateText.format(attached)) }
        w.member("destroyed", volume.state == "Destroy")
        if let templateID = volume.templateID, let template = templates[templateID] {
            w.member("templateid", template.id)
            w.member("templatename", template.name)
            w.member("templatedisplaytext", template.displayText)
        }
        if let snapshotID = volume.snapshotID { w.member("snapshotid", snapshotID) }
        w.member("isextractable", volume.type == "DATADISK")
        writeTags(of: volume.id, into: &w)
        w.member("displayvolume", true)
        w.member("quiescevm", false)
        w.member("supportsstoragesnapshot", false)
        writePendingJob(volume.pendingJobID, into: &w)
        w.endObject()
    }

    /// The id of the zone's (single) primary storage pool: derived from the zone so it is stable.
    func zoneID(forStorage zoneID: String) -> String { zoneID }

    /// Writes a `SnapshotResponse`.
    func writeSnapshot(_ snapshot: Snapshot, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", snapshot.id)
        writeOwner(snapshot.accountID, into: &w)
        w.member("snapshottype", "MANUAL")
        w.member("volumeid", snapshot.volumeID)
        w.member("volumename", snapshot.volumeName)
        w.member("volumetype", snapshot.volumeType)
        w.member("created", DateText.format(snapshot.created))
        w.member("name", snapshot.name)
        w.member("intervaltype", "MANUAL")
        w.member("state", snapshot.state)
        w.member("physicalsize", snapshot.size)
        w.member("virtualsize", snapshot.size)
        w.member("zoneid", snapshot.zoneID)
        if let osTypeID = snapshot.osTypeID {
            w.member("ostypeid", osTypeID)
            w.member("osdisplayname", "Other (64-bit)")
        }
        writeTags(of: snapshot.id, into: &w)
        w.member("revertable", false)
        w.member("locationtype", "PRIMARY")
        writePendingJob(snapshot.pendingJobID, into: &w)
        w.endObject()
    }
}

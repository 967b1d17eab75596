import JSON

/// listSnapshots, createSnapshot, deleteSnapshot.
enum SnapshotCommands {
    static let all: [Command] = [list, create, delete]

    static let list = Command(
        "listSnapshots",
        accepts: [
            "account", "domainid", "id", "ids", "intervaltype", "isrecursive", "keyword", "listall", "name", "page", "pagesize",
            "snapshottype", "tags", "volumeid", "zoneid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), ids = call.list("ids").map(Set.init), name = call.string("name")
        let volumeID = call.string("volumeid"), zoneID = call.string("zoneid")
        // Manual snapshots are the only kind here: `snapshottype` MANUAL, `intervaltype` MANUAL.
        let typeFilter = call.string("snapshottype")?.uppercased(), intervalFilter = call.string("intervaltype")?.uppercased()
        let snapshots = world.snapshots.filter { s in
            guard query.includes(account: s.accountID) else { return false }
            if let id, s.id != id { return false }
            if let ids, !ids.contains(s.id) { return false }
            if let name, s.name != name { return false }
            if let volumeID, s.volumeID != volumeID { return false }
            if let zoneID, s.zoneID != zoneID { return false }
            if let typeFilter, typeFilter != "MANUAL" { return false }
            if let intervalFilter, intervalFilter != "MANUAL" { return false }
            return query.matchesKeyword(s.name) && query.matchesTags(world.tags(of: s.id))
        }
        query.write(snapshots, item: "snapshot", into: &w) { snapshot, w in world.writeSnapshot(snapshot, into: &w) }
    }

    static let create = Command(
        "createSnapshot", async: true, required: ["volumeid"],
        accepts: [
            "account", "domainid", "name", "policyid", "quiescevm", "tags", "asyncbackup", "locationtype",
        ]
    ) { world, call, w in
        let volume = try VolumeCommands.owned(world, call, "volumeid")
        guard volume.state == "Ready" else {
            throw APIError.invalid("VolumeId: \(volume.id) is not in Ready state but \(volume.state). Cannot take snapshot.")
        }
        let id = world.ids.next()
        let vmName = volume.virtualMachineID.flatMap { world.virtualMachines[$0]?.name } ?? volume.name
        let stamp = DateText.format(call.nowSeconds).filter { $0.isNumber }.prefix(14)
        let snapshot = Snapshot(
            id: id, name: call.string("name") ?? "\(vmName)_\(volume.name)_\(stamp)", accountID: volume.accountID,
            volumeID: volume.id, volumeName: volume.name, volumeType: volume.type, zoneID: volume.zoneID,
            size: volume.size, state: "Allocated", created: call.nowSeconds,
            osTypeID: volume.templateID.flatMap { world.templates[$0]?.osTypeID })
        world.snapshots[id] = snapshot
        let tags = call.map("tags").compactMap { entry in entry["key"].map { ($0, entry["value"] ?? "") } }
        let asyncBackup = call.bool("asyncbackup") ?? false
        let fails = call.failsJob, backupNanos = call.jobNanos, volumeID = volume.id, accountID = volume.accountID
        let jobID = call.startJob(
            &world, into: &w, instanceType: "Snapshot", instanceID: id, createdID: id, sync: volume.id,
            begin: { world in
                world.snapshots[id]?.state = "Creating"
                // VolumeApiServiceImpl.takeSnapshot tags the snapshot when the job runs, not when the row is allocated.
                for (key, value) in tags where !world.tags(of: id).contains(where: { $0.key == key }) {
                    world.addTag(ResourceTag(key: key, value: value, resourceID: id, resourceType: "Snapshot", accountID: accountID))
                }
            },
            finish: { world, seconds in
                guard var current = world.snapshots[id] else { throw APIError.internalError("Snapshot \(id) is gone") }
                if fails {
                    // SnapshotServiceImpl: OperationFailed moves the snapshot to Error; the row stays listed.
                    world.snapshots[id]?.state = "Error"
                    throw APIError.internalError(
                        "Failed to create snapshot due to an internal error creating snapshot for volume \(volumeID)")
                }
                if asyncBackup {
                    // The job ends once the snapshot is on primary storage; the copy to secondary goes on.
                    current.state = "BackingUp"
                    let endNanos = UInt64(seconds) &* 1_000_000_000
                    world.backingUpSnapshots.append((id, endNanos &+ max(backupNanos, 1)))
                } else {
                    current.state = "BackedUp"
                }
                world.snapshots[id] = current
                return jobResult("snapshot") { world.writeSnapshot(current, into: &$0) }
            })
        world.snapshots[id]?.pendingJobID = jobID
    }

    static let delete = Command("deleteSnapshot", async: true, required: ["id"]) { world, call, w in
        let snapshot = try call.requiredEntity(world.snapshots, "id")
        try call.checkAccess(snapshot.accountID, resource: "Snapshot \(snapshot.id)")
        // SnapshotManagerImpl.deleteSnapshot (the typo is CloudStack's).
        guard ["BackedUp", "Error"].contains(snapshot.state) else {
            throw APIError.invalid("Can't delete snapshotshot \(snapshot.id) due to it is in \(snapshot.state) Status")
        }
        let id = snapshot.id
        let jobID = call.startJob(
            &world, into: &w, instanceType: "Snapshot", instanceID: id,
            begin: { world in world.snapshots[id]?.state = "Destroying" }
        ) { world, _ in
            guard world.snapshots[id] != nil else { throw APIError.invalid("Unable to find snapshot with id \(id)") }
            world.snapshots[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
        world.snapshots[id]?.pendingJobID = jobID
    }
}

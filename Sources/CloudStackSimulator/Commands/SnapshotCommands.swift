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
        let snapshots = world.snapshots.filter { s in
            guard query.includes(account: s.accountID) else { return false }
            if let id, s.id != id { return false }
            if let ids, !ids.contains(s.id) { return false }
            if let name, s.name != name { return false }
            if let volumeID, s.volumeID != volumeID { return false }
            if let zoneID, s.zoneID != zoneID { return false }
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
            size: volume.size, state: "Allocated", created: call.nowSeconds)
        world.snapshots[id] = snapshot
        for entry in call.map("tags") {
            if let key = entry["key"] {
                world.addTag(
                    ResourceTag(
                        key: key, value: entry["value"] ?? "", resourceID: id, resourceType: "Snapshot",
                        accountID: volume.accountID))
            }
        }
        let jobID = call.startJob(
            &world, into: &w, instanceType: "Snapshot", instanceID: id, createdID: id, sync: volume.id,
            begin: { world in world.snapshots[id]?.state = "BackingUp" },
            finish: { world, _ in
                guard var current = world.snapshots[id] else { throw APIError.internalError("Snapshot \(id) is gone") }
                current.state = "BackedUp"
                world.snapshots[id] = current
                return jobResult("snapshot") { world.writeSnapshot(current, into: &$0) }
            })
        world.snapshots[id]?.pendingJobID = jobID
    }

    static let delete = Command("deleteSnapshot", async: true, required: ["id"]) { world, call, w in
        let snapshot = try call.requiredEntity(world.snapshots, "id")
        try call.checkAccess(snapshot.accountID, resource: "Snapshot \(snapshot.id)")
        let id = snapshot.id
        _ = call.startJob(&world, into: &w, instanceType: "Snapshot", instanceID: id) { world, _ in
            guard world.snapshots[id] != nil else { throw APIError.invalid("Unable to find snapshot with id \(id)") }
            world.snapshots[id] = nil
            world.removeTags(of: id) { _ in true }
            return AsyncJobBody.success
        }
    }
}

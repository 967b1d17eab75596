import JSON

/// listVolumes, createVolume, deleteVolume, attachVolume, detachVolume, resizeVolume, changeOfferingForVolume.
enum VolumeCommands {
    static let all: [Command] = [list, create, delete, attach, detach, resize, changeOffering]

    /// The Simulator hypervisor's `max_data_volumes_limit` (CloudStack's default of 6).
    static let maxDataVolumes = 6
    /// Device ids: 0 is ROOT, 3 the CD-ROM, data disks 1, 2, 4 … up to this (limit + 2 devices - 1).
    static let maxDeviceID = maxDataVolumes + 1

    static func owned(_ world: World, _ call: Call, _ name: String = "id") throws -> Volume {
        let volume = try call.requiredEntity(world.volumes, name)
        try call.checkAccess(volume.accountID, resource: "Volume {\"uuid\":\"\(volume.id)\"}")
        return volume
    }

    static let list = Command(
        "listVolumes",
        accepts: [
            "account", "domainid", "id", "ids", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "state", "tags",
            "type", "virtualmachineid", "zoneid", "diskofferingid", "displayvolume", "listsystemvms",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), ids = call.list("ids").map(Set.init), name = call.string("name")
        let type = call.string("type")?.uppercased(), vmID = call.string("virtualmachineid"), zoneID = call.string("zoneid")
        let state = call.string("state")?.lowercased(), offeringID = call.string("diskofferingid")
        // Ids, not rows: copying every volume of the cloud for each page cost most of a page (as for VMs).
        let volumes = world.volumes.ids { v in
            guard query.includes(account: v.accountID) else { return false }
            if let id, v.id != id { return false }
            if let ids, !ids.contains(v.id) { return false }
            if let name, v.name != name { return false }
            if let type, v.type != type { return false }
            if let vmID, v.virtualMachineID != vmID { return false }
            if let zoneID, v.zoneID != zoneID { return false }
            if let state, v.state.lowercased() != state { return false }
            if let offeringID, v.diskOfferingID != offeringID { return false }
            return query.matchesKeyword(v.name) && query.matchesTags(world.tags(of: v.id))
        }
        query.write(volumes, item: "volume", into: &w) { id, w in
            if let volume = world.volumes[id] { world.writeVolume(volume, into: &w) }
        }
    }

    static let create = Command(
        "createVolume", async: true,
        accepts: [
            "account", "domainid", "diskofferingid", "name", "size", "snapshotid", "virtualmachineid", "zoneid", "displayvolume",
            "customid", "maxiops", "miniops",
        ]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let offering = try call.entity(world.diskOfferings, "diskofferingid")
        let snapshot = try call.entity(world.snapshots, "snapshotid")
        if let snapshot { try call.checkAccess(snapshot.accountID, resource: "Snapshot \(snapshot.id)") }
        guard offering != nil || snapshot != nil else {
            throw APIError.invalid("At least one of disk Offering ID or snapshot ID must be passed whilst creating volume")
        }
        // VolumeApiServiceImpl.allocVolume: only a backed-up snapshot can be restored.
        if let snapshot, snapshot.state != "BackedUp" {
            throw APIError.invalid(
                "Snapshot id=\(snapshot.id) is not in BackedUp state yet and can't be used for volume creation")
        }
        var size: Int64
        if let offering {
            let requested = try call.sizeInBytes("size")
            if offering.isCustomized {
                guard let requested else { throw APIError.invalid("This disk offering requires a custom size specified") }
                size = requested
            } else {
                if requested != nil { throw APIError.invalid("This disk offering does not allow custom size") }
                size = offering.diskSizeGB << 30
            }
        } else {
            size = snapshot?.size ?? 0
        }
        let zoneID: String
        if let zone = try call.entity(world.zones, "zoneid") {
            zoneID = zone.id
        } else if let snapshot {
            zoneID = snapshot.zoneID
        } else {
            throw APIError.invalid("Please specify a valid zone.")
        }
        let vm = try call.entity(world.virtualMachines, "virtualmachineid")
        if let vm { try call.checkAccess(vm.accountID, resource: "VM instance {\"uuid\":\"\(vm.id)\"}") }
        let id = world.ids.next()
        // A pure snapshot restore takes the disk offering of the snapshot's volume (allocVolume).
        let offeringID = offering?.id ?? snapshot.flatMap { world.volumes[$0.volumeID]?.diskOfferingID }
        var volume = Volume(
            id: id, name: call.string("name") ?? "DATA-" + String(world.ids.nextNumber()), accountID: owner.id,
            zoneID: zoneID, type: "DATADISK", size: size, state: "Allocated", diskOfferingID: offeringID,
            created: call.nowSeconds)
        volume.snapshotID = snapshot?.id
        world.volumes[id] = volume
        let vmID = vm?.id
        let jobID = call.startJob(&world, into: &w, instanceType: "Volume", instanceID: id, createdID: id) { world, now in
            if let vmID { try attachNow(&world, volumeID: id, vmID: vmID, deviceID: nil, now: now) }
            guard let current = world.volumes[id] else { throw APIError.internalError("Volume \(id) is gone") }
            return jobResult("volume") { world.writeVolume(current, into: &$0) }
        }
        world.volumes[id]?.pendingJobID = jobID
    }

    static let delete = Command("deleteVolume", required: ["id"]) { world, call, w in
        let volume = try owned(world, call)
        guard volume.virtualMachineID == nil else {
            throw APIError.invalid("Please specify a volume that is not attached to any VM.")
        }
        world.volumes[volume.id] = nil
        world.removeTags(of: volume.id) { _ in true }
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }

    /// `VolumeApiServiceImpl.attachVolumeToVM` checks, in its order, and `getDeviceId`.
    static func attachNow(_ world: inout World, volumeID: String, vmID: String, deviceID: Int?, now: Int64) throws {
        guard var volume = world.volumes[volumeID] else { throw APIError.internalError("Invalid parameter id.") }
        guard volume.virtualMachineID == nil else { throw APIError.invalid("Please specify a volume that is not attached to any VM.") }
        guard volume.state != "Destroy" else { throw APIError.invalid("Please specify a volume that is not destroyed.") }
        guard let vm = world.virtualMachines[vmID] else { throw APIError.invalid("Please specify a valid User VM.") }
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw APIError.invalid("Please specify a VM that is either running or stopped.")
        }
        guard volume.zoneID == vm.zoneID else { throw APIError.invalid("Please specify a VM that is in the same zone as the volume.") }
        let attached = world.volumes.filter { $0.virtualMachineID == vmID }
        if deviceID == 0 {
            try checkRootDetachAttach(vm)
            if attached.contains(where: { $0.deviceID == 0 }) { throw APIError.invalid("Vm already has root volume attached to it") }
        } else if attached.filter({ $0.type == "DATADISK" }).count >= maxDataVolumes {
            throw APIError.invalid(
                "The specified VM already has the maximum number of data disks (\(maxDataVolumes)) attached. Please specify another VM.")
        }
        guard volume.accountID == vm.accountID else {
            throw APIError.permission("Entity \(volume.id) and entity \(vm.id) belong to different accounts")
        }
        let used = Set(attached.compactMap(\.deviceID))
        let device: Int
        if let deviceID {
            if deviceID != 0 {
                guard deviceID >= 1, deviceID <= maxDeviceID, deviceID != 3 else {
                    throw APIError.internalError("deviceId should be 1,2,4-\(maxDeviceID)")
                }
                guard !used.contains(deviceID) else { throw APIError.internalError("deviceId \(deviceID) is used by vm \(vm.id)") }
            }
            device = deviceID
        } else {
            guard let free = (1...maxDeviceID).first(where: { $0 != 3 && !used.contains($0) }) else {
                throw APIError.internalError("Unable to find available device id for vm \(vm.id)")
            }
            device = free
        }
        volume.virtualMachineID = vmID
        volume.deviceID = device
        volume.attached = now
        if vm.state == "Running" { volume.state = "Ready" }
        world.volumes[volumeID] = volume
    }

    /// `validateRootVolumeDetachAttach` for the Simulator hypervisor: the VM must be Stopped (its
    /// condition also rejects Destroyed, despite the message).
    static func checkRootDetachAttach(_ vm: VirtualMachine) throws {
        guard vm.state == "Stopped" else {
            throw APIError.invalid("Root volume detach can happen only when vm is in states: Stopped or Destroyed")
        }
    }

    static let attach = Command("attachVolume", async: true, required: ["id", "virtualmachineid"], accepts: ["deviceid"]) {
        world, call, w in
        let volume = try owned(world, call)
        let vm = try VirtualMachineCommands.owned(world, call, "virtualmachineid")
        let deviceID = try call.long("deviceid").map { Int(clamping: $0) }
        let volumeID = volume.id, vmID = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "Volume", instanceID: volumeID, sync: vmID) { world, now in
            try attachNow(&world, volumeID: volumeID, vmID: vmID, deviceID: deviceID, now: now)
            guard let current = world.volumes[volumeID] else { throw APIError.internalError("Volume \(volumeID) is gone") }
            return jobResult("volume") { world.writeVolume(current, into: &$0) }
        }
        world.volumes[volumeID]?.pendingJobID = jobID
    }

    static let detach = Command("detachVolume", async: true, accepts: ["id", "virtualmachineid", "deviceid"]) { world, call, w in
        let volume = try call.entity(world.volumes, "id")
        if let volume { try call.checkAccess(volume.accountID, resource: "Volume {\"uuid\":\"\(volume.id)\"}") }
        let vm = try call.entity(world.virtualMachines, "virtualmachineid")
        if let vm { try call.checkAccess(vm.accountID, resource: "VM instance {\"uuid\":\"\(vm.id)\"}") }
        let deviceID = try call.long("deviceid").map { Int(clamping: $0) }
        let volumeID = volume?.id, vmID = vm?.id
        let jobID = call.startJob(&world, into: &w, instanceType: "Volume", instanceID: volumeID, sync: volumeID ?? vmID) { world, _ in
            // Either a volume id or the (virtualmachineid, deviceid) tuple, never both and never half a tuple.
            let tuple = vmID != nil || deviceID != nil
            guard (volumeID != nil) != tuple, !tuple || (vmID != nil && deviceID != nil) else {
                throw APIError.invalid("Please provide either a volume id, or a tuple(device id, instance id)")
            }
            let found: Volume?
            if let volumeID {
                found = world.volumes[volumeID]
            } else {
                // findByInstanceAndDeviceId(...).get(0): an empty result is Java's IndexOutOfBoundsException.
                guard let byTuple = world.volumes.filter({ $0.virtualMachineID == vmID && $0.deviceID == deviceID }).first else {
                    throw APIError.internalError("Index 0 out of bounds for length 0")
                }
                found = byTuple
            }
            guard var current = found else { throw APIError.invalid("Unable to find volume with ID: \(volumeID ?? "null")") }
            guard let attachedTo = current.virtualMachineID else { throw APIError.invalid("The specified volume is not attached to a VM.") }
            let vm = world.virtualMachines[attachedTo]
            if let vm, vm.state != "Running" && vm.state != "Stopped" && vm.state != "Destroyed" {
                throw APIError.invalid("Please specify a VM that is either running or stopped.")
            }
            if current.type == "ROOT", let vm { try checkRootDetachAttach(vm) }
            current.virtualMachineID = nil
            current.deviceID = nil
            current.attached = nil
            world.volumes[current.id] = current
            return jobResult("volume") { world.writeVolume(current, into: &$0) }
        }
        if let volumeID { world.volumes[volumeID]?.pendingJobID = jobID }
    }
}

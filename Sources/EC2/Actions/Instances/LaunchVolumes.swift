import CloudStack

/// RunInstances' `BlockDeviceMapping.N` for data volumes [createVolume, attachVolume with
/// `deviceid`, per instance] and its `TagSpecification` for `volume` [createTags on the root and
/// data volumes].
///
/// Everything is checked before any instance is deployed; the volumes are created once the VMs
/// exist and attached at the mapped device (`DeviceName`). CloudStack queues each attach behind
/// the VM's deploy job, so nothing here waits. `DeleteOnTermination` (EC2's default for volumes
/// made at launch) is kept as a volume tag for TerminateInstances.
enum LaunchVolumes {
    /// One data volume to create per instance.
    struct Planned: Sendable {
        let deviceID: Int64
        /// createVolume parameters other than the zone.
        let parameters: Parameters
        let deleteOnTermination: Bool
        let type: String
    }

    /// Checks every mapping and resolves the data volumes' offerings and snapshots.
    static func plan(_ input: RunInstancesInput, in context: ActionContext) async throws(EC2Error) -> [Planned] {
        let mappings = input.blockDeviceMappings ?? []
        guard !mappings.isEmpty else { return [] }
        var seen: Set<Int64> = []
        var planned: [Planned] = []
        var offerings: [DiskOffering]?
        for (index, mapping) in mappings.enumerated() {
            let member = "BlockDeviceMapping.\(index + 1)"
            guard let name = mapping.deviceName, !name.isEmpty else { throw EC2Error.missingParameter("\(member).DeviceName") }
            if mapping.noDevice != nil {
                throw VolumeRefusal.member("\(member).NoDevice", "images here have no block device mappings to suppress")
            }
            if mapping.virtualName != nil {
                throw VolumeRefusal.member("\(member).VirtualName", "CloudStack has no instance store volumes")
            }
            let deviceID = try DeviceName.deviceID(name)
            guard seen.insert(deviceID).inserted else {
                throw EC2Error(
                    code: "InvalidBlockDeviceMapping",
                    message: "The device '\(XMLSafeName.clip(name))' is used in more than one block-device mapping")
            }
            guard let ebs = mapping.ebs else { throw EC2Error.missingParameter("\(member).Ebs") }
            try refuseUnsupported(ebs, member: member + ".Ebs")
            if deviceID == 0 {
                try checkRoot(ebs, member: member + ".Ebs")
                continue
            }
            if offerings == nil { offerings = try await VolumeLookup.diskOfferings(in: context) }
            planned.append(try await data(ebs, deviceID: deviceID, member: member + ".Ebs", offerings: offerings ?? [], in: context))
        }
        return planned
    }

    /// Members no mapping can have here.
    static func refuseUnsupported(_ ebs: RunInstancesInput.BlockDevice.Ebs, member: String) throws(EC2Error) {
        if ebs.encrypted == true {
            throw VolumeRefusal.member("\(member).Encrypted", "CloudStack volumes are not encrypted through this API")
        }
        if ebs.kmsKeyId != nil { throw VolumeRefusal.member("\(member).KmsKeyId", "CloudStack has no key management service") }
        if ebs.outpostArn != nil { throw VolumeRefusal.member("\(member).OutpostArn", "CloudStack has no Outposts") }
        if ebs.availabilityZone != nil || ebs.availabilityZoneId != nil {
            throw VolumeRefusal.member("\(member).AvailabilityZone", "launch volumes are created in the instance's zone")
        }
        if ebs.volumeInitializationRate != nil {
            throw VolumeRefusal.member("\(member).VolumeInitializationRate", "CloudStack restores snapshots at its own rate")
        }
        if ebs.ebsCardIndex != nil { throw VolumeRefusal.member("\(member).EbsCardIndex", "CloudStack VMs have no EBS cards") }
    }

    /// The root volume takes only `VolumeSize` (`rootdisksize`, checked by DeployParameters).
    static func checkRoot(_ ebs: RunInstancesInput.BlockDevice.Ebs, member: String) throws(EC2Error) {
        if ebs.deleteOnTermination == false {
            throw VolumeRefusal.member("\(member).DeleteOnTermination", "CloudStack always destroys a root volume with its VM")
        }
        if ebs.snapshotId != nil { throw VolumeRefusal.member("\(member).SnapshotId", "the root volume comes from the image") }
        if let type = ebs.volumeType, type != VolumeTypes.unmapped {
            throw VolumeRefusal.member("\(member).VolumeType", "the root volume's disk offering comes from the instance type")
        }
        if ebs.iops != nil { throw VolumeRefusal.member("\(member).Iops", "the root volume's disk offering comes from the instance type") }
        if ebs.throughput != nil {
            throw VolumeRefusal.member("\(member).Throughput", "the root volume's disk offering comes from the instance type")
        }
    }

    /// A data volume's createVolume parameters, as CreateVolume resolves them.
    static func data(
        _ ebs: RunInstancesInput.BlockDevice.Ebs, deviceID: Int64, member: String, offerings: [DiskOffering], in context: ActionContext
    ) async throws(EC2Error) -> Planned {
        let types = VolumeLookup.types(context)
        var parameters = Parameters()
        var type = ebs.volumeType ?? VolumeTypes.default
        if let snapshotId = ebs.snapshotId {
            if ebs.volumeType != nil {
                throw VolumeRefusal.member("\(member).VolumeType", "a snapshot is restored on its volume's disk offering")
            }
            if ebs.iops != nil || ebs.throughput != nil {
                throw VolumeRefusal.member("\(member).Iops", "a snapshot is restored on its volume's disk offering")
            }
            let id = try EC2ID.parse(snapshotId, as: .snapshot)
            let snapshots = try await context.list(
                CommandTable.listSnapshots, ["id": id.cloudStackUUID], context: .ids(.snapshot, [id.description]))
            guard let snapshot = snapshots.first(where: { $0.id == id.cloudStackUUID }) else {
                throw EC2Error.notFound(.snapshot, ids: [id.description])
            }
            let gib = VolumeMapping.gibibytes(snapshot.virtualsize ?? snapshot.physicalsize ?? 0)
            if let size = ebs.volumeSize, size != gib {
                throw VolumeRefusal.member("\(member).VolumeSize", "CloudStack restores a snapshot at its size (\(gib) GiB)")
            }
            parameters["snapshotid"] = id.cloudStackUUID
            type = VolumeTypes.unmapped
        } else {
            let offering = try types.offering(for: type, in: offerings)
            guard ebs.volumeSize != nil || VolumeOffering.fixedSize(offering) != nil else {
                throw EC2Error.missingParameter("\(member).VolumeSize")
            }
            parameters["diskofferingid"] = offering.id
            parameters["size"] = try CreateVolume.size(ebs.volumeSize, offering: offering, type: type)
            for (name, value) in try VolumeOffering.iops(ebs.iops, on: offering, type: type, member: "\(member).Iops").pairs {
                parameters[name] = value
            }
            try VolumeOffering.throughput(ebs.throughput, on: offering, type: type, member: "\(member).Throughput")
        }
        return Planned(deviceID: deviceID, parameters: parameters, deleteOnTermination: ebs.deleteOnTermination ?? true, type: type)
    }

    /// Creates and attaches the planned volumes on every VM and tags the volumes; returns the data volume ids.
    static func create(
        _ plan: [Planned], on vms: [String], zoneID: String, tags: [(key: String, value: String)], in context: ActionContext
    ) async throws(EC2Error) -> [String] {
        var created: [String] = []
        var deleteOnTermination: [String] = []
        var typed: [String: [String]] = [:]
        for vm in vms {
            for volume in plan {
                var parameters = volume.parameters
                parameters["zoneid"] = zoneID
                let receipt = try await context.submit(CommandTable.createVolume, parameters)
                guard let id = receipt.id else { throw EC2Error.internalError() }
                created.append(id)
                if volume.deleteOnTermination { deleteOnTermination.append(id) }
                typed[volume.type, default: []].append(id)
                context.memory.volumesChanged(by: context.accessKeyID)
                _ = try await context.submit(
                    CommandTable.attachVolume, ["id": id, "virtualmachineid": vm, "deviceid": String(volume.deviceID)])
            }
        }
        // The volumes exist and are attaching: failing to tag them must not fail the launch.
        try? await context.createTags([(InternalTags.deleteOnTermination, "true")], on: deleteOnTermination, resourceType: "Volume")
        for (type, ids) in typed where type != VolumeTypes.unmapped {
            try? await context.createTags([(InternalTags.volumeType, type)], on: ids, resourceType: "Volume")
        }
        if !tags.isEmpty {
            var roots: [String] = []
            var parameters: Parameters = ["type": "ROOT"]
            if vms.count == 1 { parameters["virtualmachineid"] = vms[0] }
            let wanted = Set(vms)
            for volume in (try? await context.list(CommandTable.listVolumes, parameters)) ?? [] {
                if let id = volume.id, let vm = volume.virtualmachineid, wanted.contains(vm) { roots.append(id) }
            }
            try? await context.createTags(tags, on: roots + created, resourceType: "Volume")
        }
        return created
    }
}

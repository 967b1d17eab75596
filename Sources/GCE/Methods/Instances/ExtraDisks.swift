import CloudStack
import Pipeline

/// instances.insert's `disks[1..]`: an existing disk by `source`, or a new one from `initializeParams`
/// (`diskName`, `diskSizeGb`, `diskType`), each with its `deviceName` and `autoDelete` kept in the volume tags that
/// attachDisk and setDiskAutoDelete use. CloudStack 4.18's deployVirtualMachine takes one data disk at most
/// (`diskofferingid`+`size`, named `DATA-<n>`), so every extra disk is created or attached once the deploy job is done
/// instead: createVolume with `virtualmachineid` (create and attach in one job) or attachVolume, in order.
struct ExtraDisk: Sendable {
    enum Origin: Sendable {
        /// `source`: an existing disk's name or id.
        case existing(String)
        /// `initializeParams`: a new disk.
        case new(name: String, sizeGb: Int64?, type: String?)
    }

    let index: Int
    let origin: Origin
    let deviceName: String?
    let autoDelete: Bool

    var field: String { "resource.disks[\(index)]" }

    /// Reads and checks `disks[1..]`; a member the bridge cannot honour is a 400 naming it.
    static func decode(_ disks: ArraySlice<BodyValue>, instance: String) throws(GCEError) -> [ExtraDisk] {
        var extras: [ExtraDisk] = []
        var deviceNames = Set<String>(), newNames = Set<String>(), sources = Set<String>()
        for (index, value) in zip(disks.indices, disks) {
            let field = "resource.disks[\(index)]"
            let disk = try value.requireObject(field)
            try refuse(disk, "boot", unless: "false", at: field, because: "only disks[0] is the boot disk")
            try refuse(disk, "mode", unless: "READ_WRITE", at: field, because: "CloudStack attaches volumes read-write only")
            try refuse(disk, "type", unless: "PERSISTENT", at: field, because: "CloudStack volumes are persistent disks")
            try refuse(disk, "interface", unless: "SCSI", at: field, because: "CloudStack chooses the disk controller")
            let autoDelete: Bool
            switch disk["autoDelete"] {
            case nil, .null?: autoDelete = false
            case .bool(let flag)?: autoDelete = flag
            default: throw GCEError.invalid("Invalid value for field '\(field).autoDelete': must be a boolean")
            }
            let deviceName = try disk.string("deviceName", at: "\(field).deviceName")
            if let deviceName {
                guard ResourceNames.isValid(deviceName) else {
                    throw GCEError.invalid(
                        "Invalid value for field '\(field).deviceName': '\(deviceName.prefix(128))'. "
                            + "Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'")
                }
                guard deviceNames.insert(deviceName).inserted else {
                    throw GCEError.invalid("Invalid value for field '\(field).deviceName': '\(deviceName)' is used by another disk")
                }
            }
            let source = try disk.string("source", at: "\(field).source")
            let params = try disk.object("initializeParams", at: "\(field).initializeParams")
            let origin: Origin
            switch (source, params) {
            case (let source?, nil):
                let name = try ResourceReference.name(source, field: "\(field).source")
                guard sources.insert(name).inserted else {
                    throw GCEError.invalid("Invalid value for field '\(field).source': the disk is already in disks[]")
                }
                origin = .existing(name)
            case (nil, let params?):
                origin = try newDisk(params, at: "\(field).initializeParams", index: index, instance: instance)
                if case .new(let name, _, _) = origin, !newNames.insert(name).inserted {
                    throw GCEError.invalid(
                        "Invalid value for field '\(field).initializeParams.diskName': '\(name)' is used by another disk")
                }
            case (nil, nil): throw GCEError.required("\(field).source")
            case (_?, _?):
                throw GCEError.invalid(
                    "Invalid value for field '\(field).initializeParams': a disk has either 'source' or 'initializeParams'")
            }
            extras.append(ExtraDisk(index: index, origin: origin, deviceName: deviceName, autoDelete: autoDelete))
        }
        return extras
    }

    private static func newDisk(_ params: BodyValue, at field: String, index: Int, instance: String) throws(GCEError) -> Origin {
        for unsupported in ["sourceImage", "sourceSnapshot", "sourceImageEncryptionKey", "sourceSnapshotEncryptionKey", "provisionedIops"]
        where params[unsupported] != nil {
            throw GCEError.invalid(
                "Invalid value for field '\(field).\(unsupported)': not supported for an additional disk; create the disk first "
                    + "and name it as 'source'")
        }
        let name = try params.string("diskName", at: "\(field).diskName") ?? "\(instance)-\(index)"
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field '\(field).diskName': '\(name.prefix(128))'. Must be a match of regex "
                    + "'[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'")
        }
        guard name != instance else {
            throw GCEError.invalid("Invalid value for field '\(field).diskName': '\(name)' is the boot disk's name")
        }
        let sizeGb = try params.int64("diskSizeGb", at: "\(field).diskSizeGb")
        if let sizeGb, sizeGb < 1 || sizeGb > DisksInsert.maximumGb {
            throw GCEError.invalid(
                "Invalid value for field '\(field).diskSizeGb': '\(sizeGb)'. Must be between 1 and \(DisksInsert.maximumGb) GB")
        }
        var type: String?
        if let reference = try params.string("diskType", at: "\(field).diskType") {
            type = try ResourceReference.name(reference, field: "\(field).diskType")
        }
        return .new(name: name, sizeGb: sizeGb, type: type)
    }

    /// 400 naming `<at>.<field>` when the member is present with a value other than `allowed`.
    private static func refuse(_ body: BodyValue, _ field: String, unless allowed: String, at path: String, because reason: String)
        throws(GCEError)
    {
        let value: String?
        switch body[field] {
        case nil, .null?: value = nil
        case .bool(let flag)?: value = flag ? "true" : "false"
        case .string(let text)?: value = text
        default: throw GCEError.invalid("Invalid value for field '\(path).\(field)'")
        }
        if let value, value != allowed {
            throw GCEError.invalid("Invalid value for field '\(path).\(field)': '\(value.prefix(64))'. Not supported: \(reason)")
        }
    }
}

/// The extra disks resolved against CloudStack before the deploy, so a missing or busy disk, an unknown type or a
/// taken name refuses the insert before anything is made.
struct ExtraDiskPlan: Sendable {
    enum Step: Sendable {
        case attach(volumeID: String, name: String, oldDeviceTag: Bool)
        case create(name: String, parameters: Parameters)
    }

    let steps: [(disk: ExtraDisk, step: Step)]

    static func resolve(_ disks: [ExtraDisk], zone: Named<CloudStack.Zone>, context: MethodCall) async throws(GCEError) -> ExtraDiskPlan {
        guard !disks.isEmpty else { return ExtraDiskPlan(steps: []) }
        let volumes = try await context.volumes(zoneID: zone.row.id ?? "")
        var steps: [(disk: ExtraDisk, step: Step)] = []
        for disk in disks {
            switch disk.origin {
            case .existing(let wanted):
                let volume = try volumes.one(
                    wanted, id: { $0.id ?? "" }, notFound: "projects/\(context.project)/zones/\(zone.name)/disks/\(wanted)",
                    field: "disk", plural: "disks in zone \(zone.name)")
                try context.checkNotInUse(volume, zone: zone.name)
                let tagged = volume.row.tags.contains { $0.key == DiskTags.deviceName || $0.key == DiskTags.autoDelete }
                steps.append((disk, .attach(volumeID: volume.row.id ?? "", name: volume.name, oldDeviceTag: tagged)))
            case .new(let name, let sizeGb, let type):
                if volumes.contains(where: { $0.name == name }) {
                    throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/disks/\(name)")
                }
                let offering = try await DisksInsert.diskOffering(type, zone: zone, context: context)
                var parameters: Parameters = ["zoneid": zone.row.id ?? "", "name": name, "diskofferingid": offering.row.id ?? ""]
                if offering.row.iscustomized == true || (offering.row.disksize ?? 0) == 0 {
                    parameters["size"] = String(sizeGb ?? DisksInsert.defaultGb)
                } else if let sizeGb, sizeGb != offering.row.disksize {
                    throw GCEError.invalid(
                        "Invalid value for field '\(disk.field).initializeParams.diskSizeGb': '\(sizeGb)'. Disk type \(offering.name) "
                            + "has a fixed size of \(offering.row.disksize ?? 0) GB")
                }
                steps.append((disk, .create(name: name, parameters: parameters)))
            }
        }
        return ExtraDiskPlan(steps: steps)
    }

    /// Runs the plan once the deploy job is done. Returns the job whose outcome the insert operation reports: the
    /// deploy's when it failed or there is nothing to add, else the last disk job, or the first disk job that failed
    /// (its error is the operation's). A call CloudStack refuses at once is answered as an error that says what was
    /// already made.
    func apply(afterDeploy deployJob: String, vmID: String, instance: String, context: MethodCall) async throws(GCEError) -> String {
        guard !steps.isEmpty else { return deployJob }
        do throws(GCEError) {
            try await context.awaitJob(deployJob)
        } catch {
            return deployJob
        }
        var last = deployJob
        for (disk, step) in steps {
            var tags: [(key: String, value: String)] = []
            if let deviceName = disk.deviceName { tags.append((DiskTags.deviceName, deviceName)) }
            if disk.autoDelete { tags.append((DiskTags.autoDelete, "true")) }
            do throws(GCEError) {
                switch step {
                case .attach(let volumeID, _, let oldTags):
                    let old = oldTags ? [DiskTags.deviceName, DiskTags.autoDelete] : []
                    if let job = try await context.replaceTags(on: volumeID, type: "Volume", oldKeys: old, newTags: tags) {
                        try await context.awaitJob(job)
                    }
                    let receipt = try await context.call(CommandTable.attachVolume, ["id": volumeID, "virtualmachineid": vmID])
                    last = receipt.jobid
                case .create(_, var parameters):
                    parameters["virtualmachineid"] = vmID
                    let receipt = try await context.call(CommandTable.createVolume, parameters)
                    last = receipt.jobid
                    if let volumeID = receipt.id,
                        let job = try await context.replaceTags(
                            on: volumeID, type: "Volume", oldKeys: [], newTags: tags)
                    {
                        try await context.awaitJob(job)
                    }
                }
            } catch {
                var failure = error
                failure.message = "Instance '\(instance)' was created, but \(disk.field) was not added: \(error.message)"
                throw failure
            }
            do throws(GCEError) {
                try await context.awaitJob(last)
            } catch {
                return last
            }
        }
        return last
    }
}

import CloudStack
import Pipeline

/// `compute.instances.attachDisk` [attachVolume, createTags]: an existing disk, read-write, as a data disk; the
/// `deviceName` is kept in the volume's `gce-device-name` tag. A boot disk, read-only mode, `initializeParams` and
/// `autoDelete: true` are refused (CloudStack volumes survive their VM unless deleted).
enum InstancesAttachDisk: GCEMethod {
    static let id = "compute.instances.attachDisk"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/attachDisk"

    /// The instance and the `AttachedDisk` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let source: String
        let deviceName: String?
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        if try body.object("initializeParams", at: "resource.initializeParams") != nil {
            throw GCEError.invalid("Invalid value for field 'resource.initializeParams': attachDisk takes an existing disk as 'source'")
        }
        let source = try ResourceReference.name(try body.requiredString("source", at: "resource.source"), field: "resource.source")
        let deviceName = try body.string("deviceName", at: "resource.deviceName")
        if let deviceName, !ResourceNames.isValid(deviceName) {
            throw GCEError.invalid(
                "Invalid value for field 'resource.deviceName': '\(deviceName.prefix(128))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'"
            )
        }
        try refuse(body, "boot", unless: "false", because: "CloudStack attaches an existing volume as a data disk only")
        try refuse(body, "autoDelete", unless: "false", because: "an attached CloudStack volume is kept when its instance is deleted")
        try refuse(body, "mode", unless: "READ_WRITE", because: "CloudStack attaches volumes read-write only")
        try refuse(body, "type", unless: "PERSISTENT", because: "CloudStack volumes are persistent disks")
        try refuse(body, "interface", unless: "SCSI", because: "CloudStack chooses the disk controller")
        return Input(target: target, source: source, deviceName: deviceName)
    }

    /// 400 naming `resource.<field>` when the member is present with a value other than `allowed`.
    private static func refuse(_ body: BodyValue, _ field: String, unless allowed: String, because reason: String) throws(GCEError) {
        let value: String?
        switch body[field] {
        case nil, .null?: value = nil
        case .bool(let flag)?: value = flag ? "true" : "false"
        case .string(let text)?: value = text
        default: throw GCEError.invalid("Invalid value for field 'resource.\(field)'")
        }
        if let value, value != allowed {
            throw GCEError.invalid("Invalid value for field 'resource.\(field)': '\(value.prefix(64))'. Not supported: \(reason)")
        }
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let volume = try await context.disk(in: zone, input.source)
        try context.checkNotInUse(volume, zone: zone.name)
        let volumeID = volume.row.id ?? "", vmID = vm.row.id ?? ""
        let old = volume.row.tags.contains { $0.key == DiskTags.deviceName } ? [DiskTags.deviceName] : []
        let tags = input.deviceName.map { [(key: DiskTags.deviceName, value: $0)] } ?? []
        if let job = try await context.replaceTags(on: volumeID, type: "Volume", oldKeys: old, newTags: tags) {
            try await context.awaitJob(job)
        }
        let receipt = try await context.call(CommandTable.attachVolume, ["id": volumeID, "virtualmachineid": vmID])
        return context.started(.attachDisk, job: receipt.jobid, target: vmID, scope: .zone(zone.name), targetName: vm.name)
    }
}

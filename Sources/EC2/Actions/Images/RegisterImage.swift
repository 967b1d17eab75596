import CloudStack

/// `RegisterImage` [registerTemplate from a URL, createTemplate from a snapshot].
///
/// From `ImageLocation` (an http(s) URL of a disk image): the format comes from the URL's extension,
/// hypervisor and OS type from an image the caller can already launch, all zones. From a root
/// `BlockDeviceMapping` whose `Ebs.SnapshotId` is one of the caller's completed snapshots: the
/// template is created from that snapshot (its OS type from the snapshot's volume) and the image's
/// `blockDeviceMapping` shows the snapshot. Members CloudStack cannot honour are refused naming them.
enum RegisterImage: EC2Action {
    /// `BlockDeviceMapping.N`.
    struct BlockDevice: Decodable, Sendable {
        /// `Ebs`.
        struct Ebs: Decodable, Sendable {
            let snapshotId: String?
            let volumeSize: Int?
            let volumeType: String?
            let iops: Int?
            let encrypted: Bool?
            let kmsKeyId: String?
            let deleteOnTermination: Bool?
            enum CodingKeys: String, CodingKey {
                case snapshotId = "SnapshotId"
                case volumeSize = "VolumeSize"
                case volumeType = "VolumeType"
                case iops = "Iops"
                case encrypted = "Encrypted"
                case kmsKeyId = "KmsKeyId"
                case deleteOnTermination = "DeleteOnTermination"
            }
        }
        let deviceName: String?
        let ebs: Ebs?
        let virtualName: String?
        let noDevice: String?
        enum CodingKeys: String, CodingKey {
            case deviceName = "DeviceName"
            case ebs = "Ebs"
            case virtualName = "VirtualName"
            case noDevice = "NoDevice"
        }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageLocation: String?
        let name: String
        let description: String?
        let rootDeviceName: String?
        let blockDeviceMappings: [BlockDevice]?
        let architecture: String?
        let virtualizationType: String?
        let kernelId: String?
        let ramdiskId: String?
        let bootMode: String?
        let tpmSupport: String?
        let imdsSupport: String?
        let sriovNetSupport: String?
        let billingProducts: [String]?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case imageLocation = "ImageLocation"
            case name = "Name"
            case description = "Description"
            case rootDeviceName = "RootDeviceName"
            case blockDeviceMappings = "BlockDeviceMapping"
            case architecture = "Architecture"
            case virtualizationType = "VirtualizationType"
            case kernelId = "KernelId"
            case ramdiskId = "RamdiskId"
            case bootMode = "BootMode"
            case tpmSupport = "TpmSupport"
            case imdsSupport = "ImdsSupport"
            case sriovNetSupport = "SriovNetSupport"
            case billingProducts = "BillingProduct"
            case tagSpecifications = "TagSpecification"
        }
    }

    typealias Output = ImageIdView
    static let name = "RegisterImage"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try refuseUnmappable(input)
        try CreateImage.checkName(input.name)
        if let description = input.description, description.count > 255 {
            throw EC2Error.invalidParameterValue("The description must be at most 255 characters long.")
        }
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "image", allowed: ["image"])
        let mappings = input.blockDeviceMappings ?? []
        if let location = input.imageLocation {
            guard mappings.isEmpty else {
                throw EC2Error.invalidParameterCombination("ImageLocation and BlockDeviceMapping cannot be used together here.")
            }
            guard location.hasPrefix("http://") || location.hasPrefix("https://") else {
                throw EC2Error.invalidParameterValue("ImageLocation must be an http(s) URL of a disk image.")
            }
            try await ImageLookup.checkNameFree(input.name, in: context)
            return try await register(location, input, tags: tags, in: context)
        }
        guard !mappings.isEmpty else { throw EC2Error.missingParameter("ImageLocation or BlockDeviceMapping") }
        let root = input.rootDeviceName ?? RootDevice.name
        guard mappings.count == 1, let mapping = mappings.first, mapping.deviceName ?? root == root else {
            throw EC2Error.unsupportedOperation(
                "Only one BlockDeviceMapping, the root device \(RootDevice.name) with Ebs.SnapshotId, can be registered: a CloudStack template holds the root volume alone."
            )
        }
        if mapping.virtualName != nil || mapping.noDevice != nil {
            throw EC2Error.unsupportedOperation("BlockDeviceMapping.1.VirtualName and NoDevice are not supported (no instance store).")
        }
        guard let ebs = mapping.ebs, let snapshotID = ebs.snapshotId else {
            throw EC2Error.missingParameter("BlockDeviceMapping.1.Ebs.SnapshotId")
        }
        if ebs.volumeSize != nil || ebs.volumeType != nil || ebs.iops != nil || ebs.encrypted == true || ebs.kmsKeyId != nil
            || ebs.deleteOnTermination == false
        {
            throw EC2Error.unsupportedOperation(
                "BlockDeviceMapping.1.Ebs supports SnapshotId (and DeleteOnTermination=true) only: the template's disk is the snapshot as it is."
            )
        }
        try await ImageLookup.checkNameFree(input.name, in: context)
        return try await fromSnapshot(snapshotID, input, tags: tags, in: context)
    }

    /// Refuses members with no CloudStack counterpart.
    static func refuseUnmappable(_ input: Input) throws(EC2Error) {
        if let architecture = input.architecture, architecture != "x86_64" {
            throw EC2Error.unsupportedOperation("Architecture \(XMLSafeName.clip(architecture)) is not supported: images here are x86_64.")
        }
        if let type = input.virtualizationType, type != "hvm" {
            throw EC2Error.unsupportedOperation("VirtualizationType \(XMLSafeName.clip(type)) is not supported: images here are hvm.")
        }
        let refused: [(String, Bool)] = [
            ("KernelId", input.kernelId != nil), ("RamdiskId", input.ramdiskId != nil), ("BootMode", input.bootMode != nil),
            ("TpmSupport", input.tpmSupport != nil), ("ImdsSupport", input.imdsSupport != nil),
            ("SriovNetSupport", input.sriovNetSupport != nil), ("BillingProduct", input.billingProducts != nil),
        ]
        if let (member, _) = refused.first(where: \.1) {
            throw EC2Error.unsupportedOperation("\(member) is not supported by RegisterImage on CloudStack.")
        }
        if let root = input.rootDeviceName, root != RootDevice.name {
            throw EC2Error.unsupportedOperation(
                "RootDeviceName must be \(RootDevice.name): the root device name CloudStack images have here.")
        }
    }

    /// registerTemplate from a URL.
    static func register(_ location: String, _ input: Input, tags: [(key: String, value: String)], in context: ActionContext)
        async throws(EC2Error) -> Output
    {
        let reference = try await ImageLookup.templates(filter: "executable", in: context).first
        var parameters: Parameters = [
            "name": input.name, "displaytext": input.description ?? input.name, "url": location, "format": format(of: location),
            "hypervisor": reference?.hypervisor ?? "KVM", "zoneid": "-1",
        ]
        if let osType = reference?.ostypeid { parameters["ostypeid"] = osType }
        let registered = try await context.call(CommandTable.registerTemplate, parameters)
        guard let uuid = registered.items.first?.id, let image = EC2ID(kind: .image, cloudStackUUID: uuid) else {
            throw EC2Error.internalError()
        }
        try await context.createTags(tags, on: [uuid], resourceType: "Template")
        return ImageIdView(imageId: image.description)
    }

    /// createTemplate from a completed snapshot; the template remembers the snapshot for `blockDeviceMapping`.
    static func fromSnapshot(_ snapshotID: String, _ input: Input, tags: [(key: String, value: String)], in context: ActionContext)
        async throws(EC2Error) -> Output
    {
        let (id, snapshot) = try await SnapshotLookup.require(snapshotID, in: context)
        guard snapshot.state == "BackedUp" else {
            throw EC2Error(
                code: "IncorrectState",
                message: "The snapshot '\(snapshotID)' is not completed yet; CloudStack makes templates of completed snapshots only.")
        }
        var osType = snapshot.ostypeid
        if osType == nil { osType = try await ImageLookup.templates(filter: "executable", in: context).first?.ostypeid }
        guard let osType else { throw EC2Error.internalError() }
        let parameters: Parameters = [
            "snapshotid": id.cloudStackUUID, "name": input.name, "displaytext": input.description ?? input.name, "ostypeid": osType,
        ]
        let receipt = try await context.submit(CommandTable.createTemplate, parameters, context: .ids(.snapshot, [snapshotID]))
        guard let uuid = receipt.id, let image = EC2ID(kind: .image, cloudStackUUID: uuid) else { throw EC2Error.internalError() }
        // Waited for, so the first DescribeImages already shows the snapshot in blockDeviceMapping.
        try await ImageSource.tag([(InternalTags.snapshotID, id.description)], on: uuid, type: "Template", in: context)
        try await context.createTags(tags, on: [uuid], resourceType: "Template")
        return ImageIdView(imageId: image.description)
    }

    /// CloudStack's format name for a disk image URL.
    static func format(of url: String) -> String {
        let lower = url.lowercased().split(separator: "?").first.map(String.init) ?? ""
        if lower.hasSuffix(".vhd") || lower.hasSuffix(".vhd.bz2") || lower.hasSuffix(".vhd.gz") { return "VHD" }
        if lower.hasSuffix(".ova") { return "OVA" }
        if lower.hasSuffix(".raw") || lower.hasSuffix(".img") { return "RAW" }
        if lower.hasSuffix(".iso") { return "ISO" }
        return "QCOW2"
    }
}

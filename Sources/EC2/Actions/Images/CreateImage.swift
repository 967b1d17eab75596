import CloudStack

/// `CreateImage` [listVirtualMachines, listTemplates, listTags, listVolumes (ROOT), createSnapshot,
/// createTags]: snapshots the instance's root volume and answers the new image id at once.
///
/// CloudStack makes a template of a running VM only from a backed-up snapshot, so the image is
/// the snapshot until then (`ImageSource`, docs/decisions/0007-images-of-running-instances.md):
/// its id is `ami-` + the snapshot's hex, `pending` until the template is ready. Running and
/// stopped instances take the same path. The instance is never rebooted (CloudStack takes a
/// crash-consistent snapshot), whatever `NoReboot` says; data volumes are not part of the image.
/// `TagSpecification` of type `image` tags the image, of type `snapshot` the snapshot.
enum CreateImage: EC2Action {
    /// `BlockDeviceMapping.N`: refused, CloudStack's template is the root volume alone.
    struct BlockDevice: Decodable, Sendable {
        let deviceName: String?
        enum CodingKeys: String, CodingKey { case deviceName = "DeviceName" }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let name: String
        let description: String?
        let noReboot: Bool?
        let tagSpecifications: [TagSpecification]?
        let blockDeviceMappings: [BlockDevice]?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case name = "Name"
            case description = "Description"
            case noReboot = "NoReboot"
            case tagSpecifications = "TagSpecification"
            case blockDeviceMappings = "BlockDeviceMapping"
        }
    }

    typealias Output = ImageIdView
    static let name = "CreateImage"

    /// The characters EC2 allows in an image name.
    static func checkName(_ name: String) throws(EC2Error) {
        guard (3...128).contains(name.count) else {
            throw EC2Error.invalidParameterValue("The image name must be between 3 and 128 characters long.")
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[] ./-'@_")
        guard name.allSatisfy(allowed.contains) else {
            throw EC2Error.invalidParameterValue(
                "Invalid AMI name \(XMLSafeName.clip(name)): only letters, digits, spaces and ( ) [ ] . / - ' @ _ are allowed.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try checkName(input.name)
        if let description = input.description, description.count > 255 {
            throw EC2Error.invalidParameterValue("The description must be at most 255 characters long.")
        }
        if input.blockDeviceMappings?.isEmpty == false {
            throw EC2Error.unsupportedOperation(
                "BlockDeviceMapping is not supported by CreateImage: a CloudStack template holds the root volume alone.")
        }
        let imageTags = try TagSpecification.tags(input.tagSpecifications, for: "image", allowed: ["image", "snapshot"])
        let snapshotTags = try TagSpecification.tags(input.tagSpecifications, for: "snapshot", allowed: ["image", "snapshot"])
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        guard vm.state == "Running" || vm.state == "Stopped" else {
            throw EC2Error(
                code: "IncorrectInstanceState",
                message: "The instance '\(input.instanceId)' is '\(vm.state ?? "unknown")'; an image needs a running or stopped instance.")
        }
        try await ImageLookup.checkNameFree(input.name, in: context)
        let roots = try await context.list(CommandTable.listVolumes, ["virtualmachineid": id.cloudStackUUID, "type": "ROOT"])
        guard let root = roots.first, let volume = root.id else { throw EC2Error.internalError() }
        try SnapshotLookup.checkSnapshottable(root, EC2ID(kind: .volume, cloudStackUUID: volume)?.description ?? "")
        var osType = vm.guestosid
        if osType == nil, let template = vm.templateid {
            osType = try await ImageLookup.templates(filter: "executable", extra: ["id": template], in: context).first?.ostypeid
        }
        guard let osType else { throw EC2Error.internalError() }

        let receipt = try await context.submit(
            CommandTable.createSnapshot, ["volumeid": volume, "name": "Created by CreateImage(\(input.instanceId))"],
            context: .ids(.instance, [input.instanceId]))
        guard let snapshot = receipt.id, let snapshotID = EC2ID(kind: .snapshot, cloudStackUUID: snapshot) else {
            throw EC2Error.internalError()
        }
        // The image's facts live on the snapshot; waited for, so the id answered is found at once.
        var facts: [(key: String, value: String)] = [
            (InternalTags.imageName, input.name), (InternalTags.imageOSType, osType), (InternalTags.imageInstance, input.instanceId),
        ]
        if let description = input.description, !description.isEmpty { facts.append((InternalTags.imageDescription, description)) }
        facts += imageTags.map { (InternalTags.imageTagPrefix + $0.key, $0.value) }
        try await ImageSource.tag(facts, on: snapshot, type: "Snapshot", in: context)
        try await context.createTags(snapshotTags, on: [snapshot], resourceType: "Snapshot")
        return ImageIdView(imageId: ImageSource.imageID(ofSnapshot: snapshotID))
    }
}

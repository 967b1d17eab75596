import CloudStack

/// `CreateImage` [createTemplate from the instance's root volume]: answers the new image id at once.
///
/// CloudStack copies a root volume only while its VM is stopped; EC2 would reboot the instance
/// itself, which would mean waiting for jobs here, so a running instance is refused with
/// `IncorrectInstanceState` (stop it first).
enum CreateImage: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let name: String
        let description: String?
        let noReboot: Bool?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case name = "Name"
            case description = "Description"
            case noReboot = "NoReboot"
        }
    }

    typealias Output = ImageIdView
    static let name = "CreateImage"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard (3...128).contains(input.name.count) else {
            throw EC2Error.invalidParameterValue("The image name must be between 3 and 128 characters long.")
        }
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        guard vm.state == "Stopped" else {
            throw EC2Error(
                code: "IncorrectInstanceState",
                message: "The instance '\(input.instanceId)' must be stopped before an image can be created from it.")
        }
        let roots = try await context.list(CommandTable.listVolumes, ["virtualmachineid": id.cloudStackUUID, "type": "ROOT"])
        guard let volume = roots.first?.id else { throw EC2Error.internalError() }
        var osType = vm.guestosid
        if osType == nil, let template = vm.templateid {
            osType = try await ImageLookup.templates(filter: "executable", extra: ["id": template], in: context).first?.ostypeid
        }
        guard let osType else { throw EC2Error.internalError() }
        let parameters: Parameters = [
            "volumeid": volume, "name": input.name, "displaytext": input.description ?? input.name, "ostypeid": osType,
        ]
        let receipt = try await context.submit(CommandTable.createTemplate, parameters, context: .ids(.instance, [input.instanceId]))
        guard let image = receipt.id.flatMap({ EC2ID(kind: .image, cloudStackUUID: $0) }) else { throw EC2Error.internalError() }
        return ImageIdView(imageId: image.description)
    }
}

import CloudStack

/// `ResetInstanceAttribute` [listVirtualMachines]: EC2 resets only `kernel`, `ramdisk` and
/// `sourceDestCheck`. `sourceDestCheck` is always on in CloudStack (its default), so resetting it
/// succeeds and changes nothing; CloudStack instances have no kernel or RAM disk attribute, so those
/// are refused naming the attribute. Any other attribute is `InvalidParameterValue`, as on EC2.
enum ResetInstanceAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case attribute = "Attribute"
        }
    }

    typealias Output = ReturnView
    static let name = "ResetInstanceAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        switch input.attribute {
        case "sourceDestCheck":
            break
        case "kernel", "ramdisk":
            throw EC2Error.unsupportedOperation(
                "The attribute \(input.attribute) cannot be reset on this cloud: CloudStack instances have no \(input.attribute) attribute."
            )
        default:
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "kernel, ramdisk or sourceDestCheck")
        }
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        _ = try await InstanceLookup.require([id], in: context)
        return ReturnView(value: true)
    }
}

import CloudStack

/// `ModifyInstanceAttribute`: instanceType [changeServiceForVirtualMachine when stopped, scaleVirtualMachine
/// when running], userData [updateVirtualMachine, stopped only as on EC2], disableApiTermination false only.
enum ModifyInstanceAttribute: EC2Action {
    /// Wire input: the `Attribute`/`Value` form and the structured members.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let attribute: String?
        let value: String?
        let instanceType: AttributeValueInput?
        let userData: BlobValueInput?
        let disableApiTermination: BooleanValueInput?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case attribute = "Attribute"
            case value = "Value"
            case instanceType = "InstanceType"
            case userData = "UserData"
            case disableApiTermination = "DisableApiTermination"
        }
    }

    typealias Output = ReturnView
    static let name = "ModifyInstanceAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        var instanceType = input.instanceType?.value
        var userData = input.userData?.value
        var protection = input.disableApiTermination?.value
        switch input.attribute {
        case nil: break
        case "instanceType": instanceType = input.value
        case "userData": userData = input.value.flatMap { Base64Blob(base64: $0) }
        case "disableApiTermination": protection = input.value.map { $0.lowercased() == "true" }
        case let other?:
            throw EC2Error.unsupportedOperation("The attribute \(XMLSafeName.clip(other)) cannot be modified on this cloud.")
        }
        if input.attribute == "userData" && userData == nil { throw EC2Error.invalidParameterValue("User data must be base64 encoded.") }
        guard instanceType != nil || userData != nil || protection != nil else { throw EC2Error.missingParameter("Attribute") }
        if protection == true {
            throw EC2Error.unsupportedOperation("CloudStack cannot protect an instance from termination.")
        }
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        let errorContext = ErrorContext.ids(.instance, [input.instanceId])
        if let type = instanceType {
            let offerings = try await context.list(CommandTable.listServiceOfferings)
            guard let offering = InstanceTypeNames(configured: context.configuration.instanceTypes).offering(for: type, in: offerings),
                let offeringID = offering.id
            else { throw EC2Error.invalidParameterValue("Invalid value '\(XMLSafeName.clip(type))' for InstanceType.") }
            let parameters: Parameters = ["id": id.cloudStackUUID, "serviceofferingid": offeringID]
            switch vm.state {
            case "Stopped": _ = try await context.call(EC2Commands.changeServiceForVirtualMachine, parameters, context: errorContext)
            case "Running": _ = try await context.submit(EC2Commands.scaleVirtualMachine, parameters, context: errorContext)
            default:
                throw EC2Error(code: "IncorrectInstanceState", message: "The instance '\(input.instanceId)' is not in the 'stopped' state.")
            }
        }
        if let userData {
            guard vm.state == "Stopped" else {
                throw EC2Error(code: "IncorrectInstanceState", message: "The instance '\(input.instanceId)' is not in the 'stopped' state.")
            }
            _ = try await context.call(
                CommandTable.updateVirtualMachine, ["id": id.cloudStackUUID, "userdata": userData.encoded], context: errorContext)
        }
        return ReturnView(value: true)
    }
}

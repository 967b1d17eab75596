import CloudStack

/// `GetPasswordData` [getVMPassword]: CloudStack's password encrypted with the VM's SSH key, base64,
/// as EC2 hands out `passwordData`; empty while none is available (EC2 answers empty then too).
enum GetPasswordData: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        enum CodingKeys: String, CodingKey { case instanceId = "InstanceId" }
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceId: String
        let timestamp: String
        let passwordData: String
        static let templateFields: TemplateFields<Self> = [
            "instanceId": .string(\.instanceId), "timestamp": .string(\.timestamp), "passwordData": .string(\.passwordData),
        ]
    }

    static let name = "GetPasswordData"

    // No password stored yet (the VM has not booted far enough) is CloudStack's 431: EC2 answers empty data then.
    private static func password(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) -> String {
        let result: Result<VMPassword, EC2Error>
        do {
            result = .success(try await context.call(CommandTable.getVMPassword, ["id": id.cloudStackUUID]))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let password): return password.encryptedpassword ?? ""
        case .failure(let error) where error.code == "InvalidParameterValue": return ""
        case .failure(let error): throw error
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [input.instanceId])
        }
        var data = ""
        // Only a password-enabled template has a password; asking otherwise is a CloudStack 431, not a missing instance.
        if vm.passwordenabled == true {
            data = try await password(id, in: context)
        }
        return Output(instanceId: id.description, timestamp: CloudStackTime.format(context.clock.epochSeconds), passwordData: data)
    }
}

import CloudStack

/// `DeleteKeyPair` [deleteSSHKeyPair]: by name or id; deleting a key pair that does not exist
/// succeeds, as on EC2 (ec2stack answered true even when CloudStack failed).
enum DeleteKeyPair: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let keyName: String?
        let keyPairId: String?
        enum CodingKeys: String, CodingKey {
            case keyName = "KeyName"
            case keyPairId = "KeyPairId"
        }
    }

    typealias Output = ReturnView
    static let name = "DeleteKeyPair"

    static func validate(_ input: Input) throws(EC2Error) {
        if (input.keyName ?? "").isEmpty && (input.keyPairId ?? "").isEmpty { throw EC2Error.missingParameter("KeyName") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        var name = input.keyName.flatMap { $0.isEmpty ? nil : $0 }
        if name == nil, let id = input.keyPairId, !id.isEmpty {
            let pairs = try await context.list(CommandTable.listSSHKeyPairs)
            guard let pair = pairs.first(where: { KeyPairInfoView.id($0) == id }) else {
                throw EC2Error(code: "InvalidKeyPair.NotFound", message: "The key pair '\(XMLSafeName.clip(id))' does not exist")
            }
            name = pair.name
        }
        guard let name else { throw EC2Error.missingParameter("KeyName") }
        guard try await KeyPairLookup.named(name, in: context) != nil else { return ReturnView(value: true) }
        let result = try await context.call(CommandTable.deleteSSHKeyPair, ["name": name], context: ErrorContext(keyPairName: name))
        guard result.success else { throw EC2Error.internalError() }
        return ReturnView(value: true)
    }
}

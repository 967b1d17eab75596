/// `RegisterSecretKey` (ec2stack's, not EC2's): stores a key pair in the registry once CloudStack has
/// accepted a call signed with it. Unsigned like ec2stack's, but it cannot register a pair the caller
/// does not hold, and it answers the same whether or not the key was registered before.
enum RegisterSecretKey: EC2Action {
    typealias Input = SecretKeyInput
    typealias Output = SecretKeyResultView
    static let name = "RegisterSecretKey"
    static var requiresSignature: Bool { false }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let registry = context.registry else {
            throw EC2Error.unsupportedOperation("This gateway has no key registry; its keys come from CloudStack.")
        }
        try await registry.register(accessKeyID: input.accessKeyID, secretKey: input.secretKey)
        return SecretKeyResultView(accessKeyID: input.accessKeyID, message: "Successfully Registered!")
    }
}

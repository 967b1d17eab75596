/// `RemoveSecretKey` (ec2stack's): removes a registered pair if the caller proves to hold it.
enum RemoveSecretKey: EC2Action {
    typealias Input = SecretKeyInput
    typealias Output = SecretKeyResultView
    static let name = "RemoveSecretKey"
    static var requiresSignature: Bool { false }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let registry = context.registry else {
            throw EC2Error.unsupportedOperation("This gateway has no key registry; its keys come from CloudStack.")
        }
        try await registry.remove(accessKeyID: input.accessKeyID, secretKey: input.secretKey)
        return SecretKeyResultView(accessKeyID: input.accessKeyID, message: "Successfully removed!")
    }
}

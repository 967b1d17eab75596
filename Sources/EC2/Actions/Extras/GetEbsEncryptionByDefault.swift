/// `GetEbsEncryptionByDefault` [no CloudStack call]: false; CloudStack 4.18 encrypts volumes only
/// through an offering's `encrypt` flag, never by an account-wide default.
enum GetEbsEncryptionByDefault: EC2Action {
    /// Wire input (only `DryRun`, handled by the pipeline).
    struct Input: Decodable, Sendable {}

    /// The result: the template answers false.
    struct Output: TemplateModel {
        static let templateFields: TemplateFields<Self> = [:]
    }

    static let name = "GetEbsEncryptionByDefault"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output { Output() }
}

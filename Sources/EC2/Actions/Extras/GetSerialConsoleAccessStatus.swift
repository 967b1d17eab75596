/// `GetSerialConsoleAccessStatus` [no CloudStack call]: false; CloudStack's console is its own
/// console proxy, not EC2's serial console.
enum GetSerialConsoleAccessStatus: EC2Action {
    /// Wire input (only `DryRun`, handled by the pipeline).
    struct Input: Decodable, Sendable {}

    /// The result: the template answers false.
    struct Output: TemplateModel {
        static let templateFields: TemplateFields<Self> = [:]
    }

    static let name = "GetSerialConsoleAccessStatus"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output { Output() }
}

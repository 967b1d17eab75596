import CloudStack

/// `GetConsoleOutput` [listVirtualMachines]: CloudStack 4.18 keeps no console log, so a valid, empty
/// output with the current time, as EC2 answers before an instance has written anything.
enum GetConsoleOutput: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String
        let latest: Bool?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case latest = "Latest"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceId: String
        let timestamp: String
        static let templateFields: TemplateFields<Self> = ["instanceId": .string(\.instanceId), "timestamp": .string(\.timestamp)]
    }

    static let name = "GetConsoleOutput"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.instanceId, as: .instance)
        _ = try await InstanceLookup.require([id], in: context)
        // `Latest` chooses which buffer EC2 reads; both are empty here.
        return Output(instanceId: id.description, timestamp: CloudStackTime.format(context.clock.epochSeconds))
    }
}

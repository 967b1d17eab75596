import CloudStack

/// `StopInstances` [stopVirtualMachine, `Force` as `forced`]: every id, `stopping` at once; `Hibernate=true` refused.
enum StopInstances: EC2Action {
    /// Wire input: `InstanceId.N` (required), `Force`, and `Hibernate` (CloudStack cannot hibernate: only `false`).
    struct Input: Decodable, Sendable {
        let instanceIds: [String]
        let force: Bool?
        let hibernate: Bool?
        enum CodingKeys: String, CodingKey {
            case instanceIds = "InstanceId"
            case force = "Force"
            case hibernate = "Hibernate"
        }
    }

    typealias Output = StateChange.Output
    static let name = "StopInstances"

    static func validate(_ input: Input) throws(EC2Error) {
        if input.hibernate == true { throw EC2Error.unsupportedOperation("CloudStack cannot hibernate instances (Hibernate).") }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let forced = input.force == true
        return try await StateChange.apply(
            input.instanceIds, in: context, target: .stopping, settled: ["Stopped", "Stopping"], allowed: ["Running"], verb: "stopped"
        ) {
            vm, id throws(EC2Error) in
            var parameters: Parameters = ["id": vm.id ?? ""]
            if forced { parameters["forced"] = "true" }
            _ = try await context.submit(CommandTable.stopVirtualMachine, parameters, context: .ids(.instance, [id]))
        }
    }
}

import CloudStack

/// `RebootInstances` [rebootVirtualMachine]: every id; answers `true` once every job is submitted.
enum RebootInstances: EC2Action {
    /// Wire input: `InstanceId.N` is required, as on EC2 (`MissingParameter` before `DryRun`).
    struct Input: Decodable, Sendable {
        let instanceIds: [String]
        enum CodingKeys: String, CodingKey { case instanceIds = "InstanceId" }
    }

    typealias Output = ReturnView
    static let name = "RebootInstances"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let ids = try InstanceLookup.parse(input.instanceIds)
        for (id, vm) in try await InstanceLookup.require(ids, in: context) {
            // CloudStack reboots only running VMs; EC2 answers IncorrectInstanceState for others.
            guard vm.state == "Running" else {
                throw EC2Error(
                    code: "IncorrectInstanceState", message: "The instance '\(id)' is not in a state from which it can be rebooted.")
            }
        }
        for id in ids {
            _ = try await context.submit(
                CommandTable.rebootVirtualMachine, ["id": id.cloudStackUUID], context: .ids(.instance, [id.description]))
        }
        return ReturnView(value: true)
    }
}

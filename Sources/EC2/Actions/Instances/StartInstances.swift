import CloudStack

/// `StartInstances` [startVirtualMachine]: every id, `pending` at once; jobs are not awaited.
enum StartInstances: EC2Action {
    typealias Input = StateChange.Input
    typealias Output = StateChange.Output
    static let name = "StartInstances"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try await StateChange.apply(
            input.instanceIds, in: context, target: .pending, settled: ["Running", "Starting"], allowed: ["Stopped"], verb: "started"
        ) { vm, id throws(EC2Error) in
            var launching = ErrorContext.ids(.instance, [id])
            launching.launching = true
            _ = try await context.submit(CommandTable.startVirtualMachine, ["id": vm.id ?? ""], context: launching)
        }
    }
}

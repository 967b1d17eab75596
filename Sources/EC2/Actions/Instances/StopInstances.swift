import CloudStack

/// `StopInstances` [stopVirtualMachine, `Force` as `forced`]: every id, `stopping` at once.
enum StopInstances: EC2Action {
    typealias Input = StateChange.Input
    typealias Output = StateChange.Output
    static let name = "StopInstances"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let forced = input.force == true
        return try await StateChange.apply(
            input, in: context, target: .stopping, settled: ["Stopped", "Stopping"], allowed: ["Running"], verb: "stopped"
        ) {
            vm, id throws(EC2Error) in
            var parameters: Parameters = ["id": vm.id ?? ""]
            if forced { parameters["forced"] = "true" }
            _ = try await context.submit(CommandTable.stopVirtualMachine, parameters, context: .ids(.instance, [id]))
        }
    }
}

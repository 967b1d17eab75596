import CloudStack

/// `TerminateInstances` [destroyVirtualMachine]: every id, `shutting-down` at once.
///
/// CloudStack hides destroyed VMs from their owners, so the gateway remembers each terminated
/// instance for an hour and keeps answering for it as `terminated` (what EC2 does, and what the
/// `instance_terminated` waiter polls for).
enum TerminateInstances: EC2Action {
    typealias Input = StateChange.Input
    typealias Output = StateChange.Output
    static let name = "TerminateInstances"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        var views: [String: InstanceView] = [:]
        let ids = try InstanceLookup.parse(input.instanceIds)
        let unseen = ids.filter { context.memory.terminated.value(for: InstanceLookup.terminatedKey(context, $0.description)) == nil }
        if !unseen.isEmpty {
            for view in try await InstanceLookup.views(
                try await InstanceLookup.virtualMachines(unseen, in: context), withVolumes: false, in: context)
            {
                views[view.instanceId] = view
            }
        }
        return try await StateChange.apply(
            input.instanceIds, in: context, target: .shuttingDown, settled: ["Destroyed", "Expunging"], allowed: nil, verb: "terminated"
        ) {
            vm, id throws(EC2Error) in
            _ = try await context.submit(CommandTable.destroyVirtualMachine, ["id": vm.id ?? ""], context: .ids(.instance, [id]))
            if var view = views[id] {
                view.instanceState = .terminated
                view.ipAddress = nil
                view.dnsName = ""
                context.memory.terminated.store(view, for: InstanceLookup.terminatedKey(context, id), ttl: context.memory.terminatedTTL)
            }
        }
    }
}

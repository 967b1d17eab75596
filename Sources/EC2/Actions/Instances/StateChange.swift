import CloudStack

/// The shared shape of StartInstances, StopInstances and TerminateInstances: every listed id,
/// each submitted as its own CloudStack job without waiting, with previous and current state.
enum StateChange {
    /// Wire input of StartInstances and TerminateInstances: `InstanceId.N`, required (EC2 answers its
    /// absence with `MissingParameter` before looking at `DryRun`).
    struct Input: Decodable, Sendable {
        let instanceIds: [String]
        enum CodingKeys: String, CodingKey { case instanceIds = "InstanceId" }
    }

    /// The result: `instancesSet` of `InstanceStateChange`.
    struct Output: TemplateModel {
        let instancesSet: [InstanceStateChangeView]
        static let templateFields: TemplateFields<Self> = ["instancesSet": .list(\.instancesSet)]
    }

    /// Applies `submit` to every VM not already settled; `settled` says which CloudStack states need
    /// no call, `allowed` which may be changed. Every id is checked before any job is submitted.
    static func apply(
        _ instanceIds: [String], in context: ActionContext, target: InstanceStateView, settled: Set<String>, allowed: Set<String>?,
        verb: String, submit: (VirtualMachine, String) async throws(EC2Error) -> Void
    ) async throws -> Output {
        var ids: [EC2ID] = []
        // A repeated id is one instance, as EC2 treats it.
        for id in try InstanceLookup.parse(instanceIds) where !ids.contains(id) { ids.append(id) }
        func incorrect(_ id: EC2ID) -> EC2Error {
            EC2Error(code: "IncorrectInstanceState", message: "The instance '\(id)' is not in a state from which it can be \(verb).")
        }
        var changes: [InstanceStateChangeView] = []
        var live: [EC2ID] = []
        for id in ids {
            // Terminated here earlier: EC2 still answers for it, as terminated.
            if context.memory.terminated.value(for: InstanceLookup.terminatedKey(context, id.description)) != nil {
                guard target == .shuttingDown else { throw incorrect(id) }
                changes.append(InstanceStateChangeView(instanceId: id.description, currentState: .terminated, previousState: .terminated))
            } else {
                live.append(id)
            }
        }
        var pending: [(id: EC2ID, vm: VirtualMachine)] = []
        if !live.isEmpty {
            for (id, vm) in try await InstanceLookup.require(live, in: context) {
                let previous = InstanceStateMapping.ec2State(vm.state)
                if settled.contains(vm.state ?? "") {
                    changes.append(InstanceStateChangeView(instanceId: id.description, currentState: previous, previousState: previous))
                } else if let allowed, !allowed.contains(vm.state ?? "") {
                    throw incorrect(id)
                } else {
                    pending.append((id, vm))
                }
            }
        }
        for (id, vm) in pending {
            try await submit(vm, id.description)
            changes.append(
                InstanceStateChangeView(
                    instanceId: id.description, currentState: target, previousState: InstanceStateMapping.ec2State(vm.state)))
        }
        var order: [String: Int] = [:]
        for (position, id) in ids.enumerated() where order[id.description] == nil { order[id.description] = position }
        return Output(instancesSet: changes.sorted { (order[$0.instanceId] ?? 0) < (order[$1.instanceId] ?? 0) })
    }
}

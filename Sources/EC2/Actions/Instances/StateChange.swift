import CloudStack

/// The shared shape of StartInstances, StopInstances and TerminateInstances: every listed id,
/// each submitted as its own CloudStack job without waiting, with previous and current state.
enum StateChange {
    /// Wire input of the three actions.
    struct Input: Decodable, Sendable {
        let instanceIds: [String]?
        let force: Bool?
        enum CodingKeys: String, CodingKey {
            case instanceIds = "InstanceId"
            case force = "Force"
        }
    }

    /// The result: `instancesSet` of `InstanceStateChange`.
    struct Output: TemplateModel {
        let instancesSet: [InstanceStateChangeView]
        static let templateFields: TemplateFields<Self> = ["instancesSet": .list(\.instancesSet)]
    }

    /// Applies `submit` to every VM not already in `target`; `settled` says which CloudStack states need no call.
    static func apply(
        _ input: Input, in context: ActionContext, target: InstanceStateView, settled: Set<String>,
        submit: (VirtualMachine, String) async throws(EC2Error) -> Void
    ) async throws -> Output {
        let ids = try InstanceLookup.parse(input.instanceIds)
        var changes: [InstanceStateChangeView] = []
        var live: [EC2ID] = []
        for id in ids {
            // Terminated here earlier: EC2 still answers for it, as terminated.
            if context.memory.terminated.value(for: InstanceLookup.terminatedKey(context, id.description)) != nil {
                changes.append(InstanceStateChangeView(instanceId: id.description, currentState: .terminated, previousState: .terminated))
            } else {
                live.append(id)
            }
        }
        if !live.isEmpty {
            for (id, vm) in try await InstanceLookup.require(live, in: context) {
                let previous = InstanceStateMapping.ec2State(vm.state)
                if settled.contains(vm.state ?? "") {
                    changes.append(InstanceStateChangeView(instanceId: id.description, currentState: previous, previousState: previous))
                    continue
                }
                try await submit(vm, id.description)
                changes.append(InstanceStateChangeView(instanceId: id.description, currentState: target, previousState: previous))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1.description, $0) })
        return Output(instancesSet: changes.sorted { (order[$0.instanceId] ?? 0) < (order[$1.instanceId] ?? 0) })
    }
}

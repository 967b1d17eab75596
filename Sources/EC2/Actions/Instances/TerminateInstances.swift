import CloudStack

/// `TerminateInstances` [destroyVirtualMachine; listPublicIpAddresses, disassociateIpAddress or disableStaticNat for
/// an instance with a public address]: every id, `shutting-down` at once. Data volumes
/// with `DeleteOnTermination` (tagged so at launch) are named in `volumeids`, so CloudStack destroys
/// them with the VM; other data volumes are kept (CloudStack detaches them only when it expunges the VM).
/// A public address RunInstances acquired is released, an Elastic IP disassociated (`LaunchPublicAddresses`).
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
        let doomed = try await volumesDeletedOnTermination(of: ids, in: context)
        var staticNat: [PublicIPAddress]? = nil
        return try await StateChange.apply(
            input.instanceIds, in: context, target: .shuttingDown, settled: ["Destroyed", "Expunging"], allowed: nil, verb: "terminated"
        ) {
            vm, id throws(EC2Error) in
            var parameters: Parameters = ["id": vm.id ?? ""]
            parameters.setList("volumeids", vm.id.flatMap { doomed[$0] } ?? [])
            try await LaunchPublicAddresses.release(of: vm, staticNat: &staticNat, in: context)
            context.memory.volumesChanged(by: context.accessKeyID)
            _ = try await context.submit(CommandTable.destroyVirtualMachine, parameters, context: .ids(.instance, [id]))
            if var view = views[id] {
                view.instanceState = .terminated
                view.ipAddress = nil
                view.dnsName = ""
                context.memory.terminated.store(view, for: InstanceLookup.terminatedKey(context, id), ttl: context.memory.terminatedTTL)
            }
        }
    }

    /// The data volumes of `ids` tagged to be deleted with their instance, by VM id (one listVolumes call).
    static func volumesDeletedOnTermination(of ids: [EC2ID], in context: ActionContext) async throws(EC2Error) -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var parameters: Parameters = ["type": "DATADISK"]
        parameters.setTags([(InternalTags.deleteOnTermination, "true")])
        if ids.count == 1 { parameters["virtualmachineid"] = ids[0].cloudStackUUID }
        var byVM: [String: [String]] = [:]
        for volume in try await context.list(CommandTable.listVolumes, parameters) {
            guard let vm = volume.virtualmachineid, let id = volume.id, VolumeMapping.deletesOnTermination(volume) else { continue }
            byVM[vm, default: []].append(id)
        }
        return byVM
    }
}

import CloudStack

/// Reads instances from CloudStack for the instance actions: by id (with EC2's NotFound) or all.
enum InstanceLookup {
    /// Parses `InstanceId.N`; a malformed id is `InvalidInstanceID.Malformed`.
    static func parse(_ ids: [String]?) throws(EC2Error) -> [EC2ID] {
        var parsed: [EC2ID] = []
        for id in ids ?? [] { parsed.append(try EC2ID.parse(id, as: .instance)) }
        return parsed
    }

    /// The VMs with these ids (all of the caller's when `ids` is nil), paging through everything.
    static func virtualMachines(
        _ ids: [EC2ID]?, extra: Parameters = Parameters(), in context: ActionContext
    ) async throws(EC2Error) -> [VirtualMachine] {
        var parameters = extra
        if let ids, !ids.isEmpty {
            if ids.count == 1 { parameters["id"] = ids[0].cloudStackUUID } else { parameters.setList("ids", ids.map(\.cloudStackUUID)) }
        }
        let errorContext: ErrorContext = ids.map { .ids(.instance, $0.map(\.description)) } ?? .none
        return try await context.list(CommandTable.listVirtualMachines, parameters, context: errorContext)
    }

    /// Views of `vms`, with their root and data volumes when `withVolumes`.
    static func views(_ vms: [VirtualMachine], withVolumes: Bool, in context: ActionContext) async throws(EC2Error) -> [InstanceView] {
        guard withVolumes else { return views(vms, roots: [:], in: context) }
        let ids = vms.compactMap { $0.id.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) } }
        let roots = try await rootVolumes(of: vms, in: context)
        return views(vms, roots: roots, data: try await dataVolumes(of: ids, in: context), in: context)
    }

    /// The data volumes attached to the caller's VMs (only `instances`' when one is named), as block
    /// device entries by VM id, ordered by device: one listVolumes call, started alongside the VM list.
    /// All of a caller's are remembered for `GatewayMemory.dataVolumeTTL` (10 s), except while volume
    /// changes it made here settle, so a DescribeInstances loop costs no extra CloudStack call.
    static func dataVolumes(of instances: [EC2ID]?, in context: ActionContext) async throws(EC2Error) -> [String:
        [InstanceBlockDeviceMappingView]]
    {
        let caller = context.accessKeyID
        let cacheable = instances == nil && context.memory.volumeChanges.value(for: caller) == nil
        if cacheable, let remembered = context.memory.dataVolumes.value(for: caller) { return remembered }
        let devices = try await listDataVolumes(of: instances, in: context)
        if cacheable { context.memory.dataVolumes.store(devices, for: caller, ttl: context.memory.dataVolumeTTL) }
        return devices
    }

    private static func listDataVolumes(of instances: [EC2ID]?, in context: ActionContext) async throws(EC2Error) -> [String:
        [InstanceBlockDeviceMappingView]]
    {
        var parameters: Parameters = ["type": "DATADISK"]
        if let instances, instances.count == 1 { parameters["virtualmachineid"] = instances[0].cloudStackUUID }
        var devices: [String: [(Int64, InstanceBlockDeviceMappingView)]] = [:]
        for volume in try await context.list(CommandTable.listVolumes, parameters) {
            guard let vm = volume.virtualmachineid, let device = VolumeMapping.blockDevice(volume) else { continue }
            devices[vm, default: []].append((volume.deviceid ?? 0, device))
        }
        return devices.mapValues { $0.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// The root volumes of `vms` by VM id: remembered ones, and one listVolumes call for the rest
    /// (filtered to the VM when only one is missing).
    static func rootVolumes(of vms: some Collection<VirtualMachine>, in context: ActionContext) async throws(EC2Error) -> [String:
        InstanceBlockDeviceMappingView]
    {
        var roots: [String: InstanceBlockDeviceMappingView] = [:]
        var missing: [String] = []
        for id in vms.compactMap(\.id) {
            if let volume = context.memory.rootVolumes.device(of: id) { roots[id] = volume } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return roots }
        var parameters: Parameters = ["type": "ROOT"]
        if missing.count == 1 { parameters["virtualmachineid"] = missing[0] }
        for volume in try await context.list(CommandTable.listVolumes, parameters) {
            guard let vm = volume.virtualmachineid, let id = volume.id, let device = InstanceMapping.rootDevice(volume) else { continue }
            roots[vm] = device
            context.memory.rootVolumes.store(device, volume: id, of: vm, ttl: context.memory.rootVolumeTTL)
        }
        return roots
    }

    /// Views of `vms` with the root volumes in `roots` and the data volumes in `data`.
    static func views(
        _ vms: [VirtualMachine], roots: [String: InstanceBlockDeviceMappingView], data: [String: [InstanceBlockDeviceMappingView]] = [:],
        in context: ActionContext
    ) -> [InstanceView] {
        let names = InstanceTypeNames(configured: context.configuration.instanceTypes)
        // One lock instead of one per VM when nothing was terminated lately (the usual case).
        let anyTerminated = context.memory.terminated.count > 0
        let pending = !context.memory.pendingTags.isEmpty(for: context.accessKeyID)
        return vms.compactMap {
            view($0, roots: roots, data: data, names: names, anyTerminated: anyTerminated, pending: pending, in: context)
        }
    }

    /// Views of `vms`, one per VM in order (nil where a VM has no view), for paging by CloudStack row.
    static func alignedViews(
        _ vms: ArraySlice<VirtualMachine>, roots: [String: InstanceBlockDeviceMappingView],
        data: [String: [InstanceBlockDeviceMappingView]],
        in context: ActionContext
    ) -> [InstanceView?] {
        let names = InstanceTypeNames(configured: context.configuration.instanceTypes)
        let anyTerminated = context.memory.terminated.count > 0
        let pending = !context.memory.pendingTags.isEmpty(for: context.accessKeyID)
        return vms.map { view($0, roots: roots, data: data, names: names, anyTerminated: anyTerminated, pending: pending, in: context) }
    }

    @inline(__always)
    private static func view(
        _ vm: VirtualMachine, roots: [String: InstanceBlockDeviceMappingView], data: [String: [InstanceBlockDeviceMappingView]],
        names: InstanceTypeNames, anyTerminated: Bool, pending: Bool, in context: ActionContext
    ) -> InstanceView? {
        var vm = vm
        // Tags of a createTags job still running (RunInstances' TagSpecification) show at once, as on EC2.
        if pending { vm.tags = context.memory.pendingTags.overlay(vm.tags, resourceID: vm.id, caller: context.accessKeyID) }
        guard
            var view = InstanceMapping.view(
                vm, rootDevice: vm.id.flatMap { roots[$0] }, dataDevices: vm.id.flatMap { data[$0] } ?? [], names: names)
        else { return nil }
        // Terminated here but CloudStack's destroy job still running: EC2 shows shutting-down meanwhile.
        if anyTerminated, view.instanceState != .terminated,
            context.memory.terminated.value(for: terminatedKey(context, view.instanceId)) != nil
        {
            view.instanceState = .shuttingDown
        }
        return view
    }

    /// Exactly the VMs named, or `InvalidInstanceID.NotFound` listing the missing ones.
    static func require(_ ids: [EC2ID], in context: ActionContext) async throws(EC2Error) -> [(id: EC2ID, vm: VirtualMachine)] {
        guard !ids.isEmpty else { throw EC2Error.missingParameter("InstanceId") }
        let found = try await virtualMachines(ids, in: context)
        var byID: [String: VirtualMachine] = [:]
        for vm in found { if let id = vm.id { byID[id] = vm } }
        let missing = ids.filter { byID[$0.cloudStackUUID] == nil }
        if !missing.isEmpty { throw EC2Error.notFound(.instance, ids: missing.map(\.description)) }
        return ids.compactMap { id in byID[id.cloudStackUUID].map { (id, $0) } }
    }

    /// The memory key of a caller's terminated instance.
    static func terminatedKey(_ context: ActionContext, _ id: String) -> String { context.accessKeyID + "/" + id }
}

import CloudStack

/// The zonal, regional and global operations methods (get, list, delete, wait): one implementation, three scopes.
enum OperationMethods {
    /// `get`: decodes the name, asks CloudStack for the job. No side effects.
    static func get(_ input: OperationInput, _ call: MethodCall) async throws -> Operation {
        try await lookup(input, call)
    }

    /// `wait`: polls until DONE or `waitSeconds` pass, then answers like `get`.
    static func wait(_ input: OperationInput, _ call: MethodCall) async throws -> Operation {
        let deadline = call.clock.epochSeconds + Int64(min(120, max(1, call.configuration.waitSeconds)))
        var interval: UInt64 = 250_000_000
        var operation = try await lookup(input, call)
        // Written as one loop with one exit: `while true` returning from inside crashed the -O compiler's coroutine
        // splitting (Swift 6.3.1, signal 11 in coro-split on this function).
        while operation.status != "DONE" && call.clock.epochSeconds < deadline {
            try await call.clock.sleep(interval)
            interval = min(interval * 2, 2_000_000_000)
            operation = try await lookup(input, call)
        }
        return operation
    }

    /// `delete`: CloudStack keeps job history, so the record stays; answers 204 once the name is known.
    static func delete(_ input: OperationInput, _ call: MethodCall) async throws -> NoContent {
        _ = try await lookup(input, call)
        return NoContent()
    }

    /// `list`: the caller's recent CloudStack jobs shown as operations of this scope [listAsyncJobs]; network,
    /// subnetwork, address and route jobs through `NetworkJobOperations`.
    static func list(_ input: OperationListInput, _ call: MethodCall) async throws -> ResourceList<Operation> {
        let scope = input.scope
        var vmNames: [String: String] = [:]
        var imageNames: [String: String] = [:]
        switch scope {
        case .zone(let zoneName):
            let zone = try await call.zone(zoneName)
            let vms = try await call.listAll(CommandTable.listVirtualMachines, ["zoneid": zone.row.id ?? ""])
            for vm in vms.namedInstances() { vmNames[vm.row.id ?? ""] = vm.name }
        case .global:
            for template in try await call.templates() { imageNames[template.row.id ?? ""] = template.name }
            for snapshot in try await call.snapshots() { imageNames[snapshot.row.id ?? ""] = snapshot.name }
        case .region(let regionName):
            _ = try await call.region(regionName)
        }
        let jobs = try await call.listAll(CommandTable.listAsyncJobs)
        let operations =
            try await Self.operations(jobs, in: scope, vmNames: vmNames, imageNames: imageNames, call)
            + NetworkJobOperations.operations(jobs, in: scope, call)
        return try call.list(
            operations, options: input.options, kind: "compute#operationList", collection: collection(call, scope), name: \.name,
            created: \.insertTime)
    }

    /// `aggregatedList`: every scope's operations, keyed `zones/<z>`, `regions/<r>` and `global`, each empty scope
    /// with GCE's warning [listZones, listRegions, listVirtualMachines, listTemplates, listAsyncJobs: five calls, and
    /// the network, address and route lists when network jobs need their names].
    static func aggregatedList(_ input: ListInput, _ call: MethodCall) async throws -> AggregatedList<Operation> {
        let zones = try await call.zones()
        let region = try await call.localRegion()
        let vms = try await call.listAll(CommandTable.listVirtualMachines)
        var imageNames: [String: String] = [:]
        for template in try await call.templates() { imageNames[template.row.id ?? ""] = template.name }
        let jobs = try await call.listAll(CommandTable.listAsyncJobs)
        var scopes: [(scope: String, items: [Operation])] = []
        for zone in zones {
            var vmNames: [String: String] = [:]
            let inZone = vms.filter { $0.zoneid == zone.row.id }
            for vm in inZone.namedInstances() { vmNames[vm.row.id ?? ""] = vm.name }
            scopes.append(("zones/" + zone.name, operations(jobs, in: .zone(zone.name), vmNames: vmNames, imageNames: [:], call)))
        }
        scopes.append(("regions/" + region.name, try await NetworkJobOperations.operations(jobs, in: .region(region.name), call)))
        scopes.append(
            (
                "global",
                operations(jobs, in: .global, vmNames: [:], imageNames: imageNames, call)
                    + (try await NetworkJobOperations.operations(jobs, in: .global, call))
            ))
        return try call.aggregated(
            scopes, options: input.options, kind: "compute#operationAggregatedList", itemsKey: "operations",
            collection: "operations", name: \.name)
    }

    /// The jobs of `scope` as operations: an instance's jobs in its zone, an image's in `global`.
    private static func operations(
        _ jobs: [AsyncJob], in scope: OperationScope, vmNames: [String: String], imageNames: [String: String], _ call: MethodCall
    ) -> [Operation] {
        var operations: [Operation] = []
        for job in jobs {
            guard let kind = MethodCall.kind(ofJobClass: job.cmd), let jobID = job.jobid, let target = job.jobinstanceid else { continue }
            let targetName: String
            if kind.targetIsImage || kind.target == .snapshot {
                guard case .global = scope else { continue }
                targetName = imageNames[target] ?? ResourceID.string(target)
            } else {
                guard let name = vmNames[target] else { continue }
                targetName = name
            }
            operations.append(
                call.render(
                    OperationName(kind: kind, progress: .job(jobID), target: target), scope: scope,
                    targetName: targetName, job: job))
        }
        return operations
    }

    private static func collection(_ call: MethodCall, _ scope: OperationScope) -> String {
        switch scope {
        case .zone(let zone): "zones/\(zone)/operations"
        case .region(let region): "regions/\(region)/operations"
        case .global: "global/operations"
        }
    }

    private static func lookup(_ input: OperationInput, _ call: MethodCall) async throws -> Operation {
        if case .zone(let zone) = input.scope { _ = try await call.zone(zone) }
        // A job operation is checked by CloudStack (queryAsyncJobResult refuses another account's job); a DONE-at-once
        // one has no job and its name is not secret, so only an account that can see its target may read it.
        if case .done = input.name.progress, try await !callerOwnsTarget(call, input.name) {
            throw GCEError.notFound(call.operationPath(input.text, input.scope))
        }
        return try await call.operation(input.name, scope: input.scope)
    }

    /// Whether the target of a DONE-at-once operation is the caller's: its account, one of the images it can use,
    /// or one of its VMs. A target deleted since is not, so such an operation is then 404.
    private static func callerOwnsTarget(_ call: MethodCall, _ name: OperationName) async throws -> Bool {
        if name.kind.targetIsProject || name.kind.target == .zone { return try await call.account().id == name.target }
        if name.kind.targetIsImage { return try await call.templates().contains { $0.row.id == name.target } }
        // A deleted volume leaves no row to check: the name's target UUID was only ever shown to its owner, and the
        // answer shows no more than the numeric id and the time.
        if name.kind == .diskDelete || name.kind == .networkDelete || name.kind == .subnetworkDelete { return true }
        if name.kind.target == .network || name.kind.target == .subnetwork {
            return await call.networkTargetName(name.target, kind: name.kind.target) != nil
        }
        if name.kind.target == .snapshot { return try await call.snapshots().contains { $0.row.id == name.target } }
        if name.kind.target == .disk { return try await !call.listAll(CommandTable.listVolumes, ["id": name.target]).isEmpty }
        if name.kind.target == .address {
            return try await !call.listAll(CommandTable.listPublicIpAddresses, ["id": name.target]).isEmpty
        }
        if name.kind.target == .route { return try await !call.listAll(CommandTable.listStaticRoutes, ["id": name.target]).isEmpty }
        // As for a deleted volume: a deleted instance group leaves no row, and only its owner saw its UUID.
        if name.kind == .groupDelete { return true }
        if name.kind.target == .instanceGroup {
            return try await !call.listAll(CommandTable.listInstanceGroups, ["id": name.target]).isEmpty
        }
        return try await !call.listAll(CommandTable.listVirtualMachines, ["id": name.target]).isEmpty
    }

}

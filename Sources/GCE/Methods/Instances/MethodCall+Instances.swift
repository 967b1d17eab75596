import CloudStack

extension MethodCall {
    /// The caller's instances in a zone as compute `Instance`s [listVirtualMachines, listVolumes zoneid=…].
    func instances(in zone: Named<CloudStack.Zone>) async throws(GCEError) -> [Instance] {
        let zoneID = zone.row.id ?? ""
        let vms = try await virtualMachines(zoneID: zoneID)
        guard !vms.isEmpty else { return [] }
        let volumes = try await self.volumes(zoneID: zoneID)
        let networks = try await networkMap(for: vms.map(\.row))
        return convert(vms, volumes: volumes, zone: zone, networks: networks, region: try await localRegion().name)
    }

    /// Every zone's instances with two CloudStack calls in all [listVirtualMachines, listVolumes], named per zone.
    func instancesByZone(_ zones: [Named<CloudStack.Zone>]) async throws(GCEError) -> [(scope: String, items: [Instance])] {
        var vmsByZone: [String: [VirtualMachine]] = [:]
        for vm in try await listAll(CommandTable.listVirtualMachines) where vm.state != "Destroyed" && vm.state != "Expunging" {
            vmsByZone[vm.zoneid ?? "", default: []].append(vm)
        }
        var volumesByZone: [String: [Volume]] = [:]
        var networks = NetworkMap(entries: [])
        var region = ""
        if !vmsByZone.isEmpty {
            for volume in try await listAll(CommandTable.listVolumes) { volumesByZone[volume.zoneid ?? "", default: []].append(volume) }
            networks = try await networkMap(for: vmsByZone.values.flatMap { $0 })
            region = try await localRegion().name
        }
        return zones.map { zone in
            let zoneID = zone.row.id ?? ""
            let vms = (vmsByZone[zoneID] ?? []).namedInstances()
            let volumes = (volumesByZone[zoneID] ?? []).namedDisks()
            return ("zones/\(zone.name)", convert(vms, volumes: volumes, zone: zone, networks: networks, region: region))
        }
    }

    /// The instances of a run of CloudStack rows, one per row in order with the zone it is in (nil for a destroyed
    /// VM or one in a zone not in `zones`): their disks from each zone's volumes as the shared catalog keeps them
    /// (`zoneDisks`), their NICs' networks from the kept network map. What a page cut from CloudStack's pages renders.
    func instanceItems(_ rows: ArraySlice<VirtualMachine>, zones: [Named<CloudStack.Zone>]) async throws(GCEError) -> [Scoped<Instance>?] {
        let live = { (row: VirtualMachine) in row.state != "Destroyed" && row.state != "Expunging" }
        guard rows.contains(where: live) else { return rows.map { _ in nil } }
        var disks: [String: ZoneDisks] = [:]
        for zone in zones {
            let id = zone.row.id ?? ""
            if rows.contains(where: { $0.zoneid == id && live($0) }) { disks[id] = try await zoneDisks(id) }
        }
        let networks = try await networkMap(for: rows)
        let region = try await localRegion().name
        return rows.map { row in
            guard live(row), let zone = zones.first(where: { $0.row.id == row.zoneid }), let zoneDisks = disks[row.zoneid ?? ""]
            else { return nil }
            let vm = Named(name: ResourceNames.ownName(row.name ?? "", id: row.id ?? ""), row: row)
            let instance = Conversions.instance(
                vm, zone: zone.name, volumes: zoneDisks.byVM[row.id ?? ""] ?? [], networks: networks, region: region, links: links)
            return Scoped(scope: "zones/\(zone.name)", item: instance)
        }
    }

    /// A zone's disks grouped by VM, named over the zone (`namedDisks`), from the shared catalog: read again after a
    /// volume change through the bridge, or after `Catalog.volumeTTLSeconds` for changes made elsewhere.
    func zoneDisks(_ zoneID: String) async throws(GCEError) -> ZoneDisks {
        do {
            return try await catalog.zoneVolumes(zoneID: zoneID, as: credentials) { ZoneDisks($0) }
        } catch {
            throw GCEError(error)
        }
    }

    /// Converts a zone's VMs, each with its own volumes (grouped once, not filtered per VM).
    private func convert(
        _ vms: [Named<VirtualMachine>], volumes: [Named<Volume>], zone: Named<CloudStack.Zone>, networks: NetworkMap, region: String
    ) -> [Instance] {
        var byVM: [String: [InstanceDisk]] = [:]
        for volume in volumes {
            if let vm = volume.row.virtualmachineid { byVM[vm, default: []].append(InstanceDisk(volume)) }
        }
        return vms.map {
            Conversions.instance(
                $0, zone: zone.name, volumes: byVM[$0.row.id ?? ""] ?? [], networks: networks, region: region, links: links)
        }
    }

    /// One instance as a compute `Instance`.
    func instanceView(_ vm: Named<VirtualMachine>, zone: Named<CloudStack.Zone>) async throws(GCEError) -> Instance {
        let volumes = try await listAll(CommandTable.listVolumes, ["virtualmachineid": vm.row.id ?? ""])
        let named = volumes.namedDisks().map(InstanceDisk.init)
        let networks = try await networkMap(for: [vm.row])
        return Conversions.instance(
            vm, zone: zone.name, volumes: named, networks: networks, region: try await localRegion().name, links: links)
    }

    /// Waits for a CloudStack job the next step depends on (tags must be gone before equal keys are re-created).
    func awaitJob(_ jobID: String) async throws(GCEError) {
        do {
            _ = try await client.awaitJob(jobID, as: credentials)
        } catch {
            throw GCEError(error)
        }
    }

    /// A `setLabels` of any resource: checks the fingerprint against the resource's current labels (its plain
    /// CloudStack tags), replaces them, and answers the operation (DONE at once when no label is left to create).
    func setLabels(
        _ labels: [(key: String, value: String)], fingerprint: String?, currentTags: [Tag], on resourceID: String,
        type: String, kind: OperationName.Kind, scope: OperationScope, targetName: String
    ) async throws -> Operation {
        let current = MetadataTags.labels(currentTags)
        try checkFingerprint(fingerprint, current: Fingerprint.of(pairs: current), what: "label")
        let job = try await replaceTags(on: resourceID, type: type, oldKeys: current.map(\.key), newTags: labels)
        guard let job else { return done(kind, target: resourceID, scope: scope, targetName: targetName) }
        return started(kind, job: job, target: resourceID, scope: scope, targetName: targetName)
    }

    /// Replaces the VM tags in `oldKeys` by `newTags`; returns the createTags job, or nil when nothing is added.
    func replaceTags(on resourceID: String, type: String, oldKeys: [String], newTags: [(key: String, value: String)])
        async throws(GCEError) -> String?
    {
        if !oldKeys.isEmpty {
            var parameters: Parameters = ["resourceids": resourceID, "resourcetype": type]
            parameters.setMap("tags", oldKeys.map { [("key", $0)] })
            let receipt = try await call(CommandTable.deleteTags, parameters)
            try await awaitJob(receipt.jobid)
        }
        guard !newTags.isEmpty else { return nil }
        var parameters: Parameters = ["resourceids": resourceID, "resourcetype": type]
        parameters.setTags(newTags)
        return try await call(CommandTable.createTags, parameters).jobid
    }

    /// The compute offering for a machine type reference; `custom-C-M` picks a customised offering with details.
    func offering(for reference: String, zone: Named<CloudStack.Zone>) async throws(GCEError) -> (id: String, details: [(String, String)]) {
        let wanted = lastSegment(reference)
        let offerings = try await self.offerings(zoneID: zone.row.id)
        if let fixed = offerings.filter({ $0.row.cpunumber != nil }).find(wanted, id: { $0.id ?? "" }) {
            return (fixed.row.id ?? "", [])
        }
        if let custom = CustomMachineType(wanted), let offering = offerings.first(where: { $0.row.iscustomized == true }) {
            return (offering.row.id ?? "", [("cpuNumber", String(custom.cpus)), ("memory", String(custom.memoryMb))])
        }
        throw GCEError.notFound("projects/\(project)/zones/\(zone.name)/machineTypes/\(wanted)")
    }

    /// A fingerprint check: 412 unless the request carries the current fingerprint.
    func checkFingerprint(_ given: String?, current: String, what: String) throws(GCEError) {
        guard given == current else {
            throw GCEError.conditionNotMet("Supplied fingerprint does not match current \(what) fingerprint.")
        }
    }
}

/// A zone's disks by the id of the VM each is attached to, as instances show them (`InstanceDisk`): what the shared
/// catalog keeps for a zone, so the few fields an instance shows, not whole CloudStack volume rows.
struct ZoneDisks: Sendable {
    let byVM: [String: [InstanceDisk]]

    init(_ volumes: [Volume]) {
        var byVM: [String: [InstanceDisk]] = [:]
        for volume in volumes where volume.isDisk {
            guard let vm = volume.virtualmachineid else { continue }
            byVM[vm, default: []].append(InstanceDisk(Named(name: volume.diskName, row: volume)))
        }
        self.byVM = byVM
    }
}

/// One disk of an instance, as the instance shows it (`Instance.disks[]`).
struct InstanceDisk: Sendable {
    let name: String
    let boot: Bool
    let deviceID: Int64?
    let sizeBytes: Int64?
    let deviceName: String
    let autoDelete: Bool

    init(_ volume: Named<Volume>) {
        name = volume.name
        boot = volume.row.type == "ROOT"
        deviceID = volume.row.deviceid
        sizeBytes = volume.row.size
        deviceName = DiskTags.deviceName(volume)
        autoDelete = DiskTags.autoDelete(volume)
    }

    /// The boot disk first, then by CloudStack device id.
    var order: Int64 { boot ? -1 : deviceID ?? 99 }
}

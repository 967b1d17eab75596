import CloudStack

extension MethodCall {
    /// Every zone, named (from the shared `Catalog`: every zonal method resolves its zone first).
    func zones() async throws(GCEError) -> [Named<CloudStack.Zone>] {
        let rows: [CloudStack.Zone]
        do {
            rows = try await catalog.zones(as: credentials)
        } catch {
            throw GCEError(error)
        }
        return rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }

    /// The zone of that GCE name or numeric id (404 when unknown).
    func zone(_ wanted: String) async throws(GCEError) -> Named<CloudStack.Zone> {
        guard let zone = try await zones().find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/zones/\(wanted)")
        }
        return zone
    }

    /// The region every zone of this management server belongs to: CloudStack's lowest-id region.
    func localRegion() async throws(GCEError) -> Named<CloudStack.Region> {
        let listed: [CloudStack.Region]
        do {
            listed = try await catalog.regions(as: credentials)
        } catch {
            throw GCEError(error)
        }
        let rows = listed.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let named: [Named<CloudStack.Region>] = rows.named(id: { "region/\($0.id ?? 0)" }, name: { $0.name ?? "" })
        guard let first = named.first else {
            var local = CloudStack.Region()
            local.id = 1
            local.name = "local"
            return Named(name: "local", row: local)
        }
        return first
    }

    /// The compute offerings usable in a zone, named; customised ones are left out (they need `custom-C-M`).
    func offerings(zoneID: String?) async throws(GCEError) -> [Named<ServiceOffering>] {
        var parameters = Parameters()
        parameters["zoneid"] = zoneID
        let rows = try await listAll(CommandTable.listServiceOfferings, parameters)
        return rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }

    /// The disk offerings of a zone, named (from the shared `Catalog`).
    func diskOfferings(zoneID: String?) async throws(GCEError) -> [Named<DiskOffering>] {
        let rows: [DiskOffering]
        do {
            rows = try await catalog.diskOfferings(zoneID: zoneID, as: credentials)
        } catch {
            throw GCEError(error)
        }
        return rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }

    /// Every template the caller may deploy or owns (one row per template, still-downloading ones included), named.
    func templates() async throws(GCEError) -> [Named<Template>] {
        let rows =
            try await listAll(CommandTable.listTemplates, ["templatefilter": "executable"])
            + listAll(CommandTable.listTemplates, ["templatefilter": "self"])
        var seen = Set<String>()
        let unique = rows.filter { seen.insert($0.id ?? "").inserted }
        return unique.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }

    /// The image named in the path or a URL (404 when unknown).
    func image(_ name: String) async throws(GCEError) -> Named<Template> {
        guard let image = try await templates().find(name, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/global/images/\(name)")
        }
        return image
    }

    /// The caller's VMs in a zone (destroyed ones left out), named (`ResourceNames.ownName`).
    func virtualMachines(zoneID: String, id: String? = nil) async throws(GCEError) -> [Named<VirtualMachine>] {
        var parameters: Parameters = ["zoneid": zoneID]
        parameters["id"] = id
        var rows = try await listAll(CommandTable.listVirtualMachines, parameters)
        // Filtering copies every row kept (a VM model has dozens of fields): only when there is something to drop.
        func gone(_ vm: VirtualMachine) -> Bool { vm.state == "Destroyed" || vm.state == "Expunging" }
        if rows.contains(where: gone) { rows.removeAll(where: gone) }
        return rows.namedInstances()
    }

    /// The zone's instance of that GCE name or numeric id (404 when unknown).
    ///
    /// Names come from each VM alone, so two VMs CloudStack named alike (on networks with different network
    /// domains, made outside this gateway) share one: that name is a 400 pointing at their numeric ids.
    func instance(in zone: Named<CloudStack.Zone>, _ wanted: String) async throws(GCEError) -> Named<VirtualMachine> {
        let vms = try await virtualMachines(zoneID: zone.row.id ?? "")
        return try vms.one(
            wanted, id: { $0.id ?? "" }, notFound: "projects/\(project)/zones/\(zone.name)/instances/\(wanted)", field: "instance",
            plural: "instances in zone \(zone.name)")
    }

    /// The caller's disks in a zone, each named from its own volume (`Volume.diskName`).
    func volumes(zoneID: String) async throws(GCEError) -> [Named<Volume>] {
        try await listAll(CommandTable.listVolumes, ["zoneid": zoneID]).namedDisks()
    }

    /// The guest networks the caller sees, named (globally, as GCE networks are).
    func networks() async throws(GCEError) -> [Named<CloudStack.Network>] {
        let rows = try await listAll(CommandTable.listNetworks)
        return rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }
}

/// The last path segment of a URL or partial URL (`zones/z/machineTypes/n1` -> `n1`).
func lastSegment(_ reference: String) -> String {
    String(reference.split(separator: "/").last ?? Substring(reference))
}

import CloudStack
import Pipeline

extension Links {
    /// `…/zones/<zone>/instanceGroups/<name>`.
    func instanceGroup(_ zone: String, _ name: String) -> String { self.zone(zone) + "/instanceGroups/" + name }
}

extension MethodCall {
    /// CloudStack instance groups are account-wide and GCE's are zonal: the group of GCE name `n` in zone `z` is
    /// the CloudStack group named `z/n` (CloudStack 4.18 has no tags on instance groups to keep the zone in).
    static func cloudStackGroupName(zone: String, name: String) -> String { zone + "/" + name }

    /// The caller's instance groups in a zone, by their GCE names; groups not named `<zone>/<name>` are not GCE's.
    func instanceGroups(in zone: Named<CloudStack.Zone>) async throws(GCEError) -> [Named<CloudStack.InstanceGroup>] {
        let prefix = zone.name + "/"
        return try await listAll(CommandTable.listInstanceGroups).compactMap { row in
            guard let full = row.name, full.hasPrefix(prefix) else { return nil }
            let name = String(full.dropFirst(prefix.count))
            return ResourceNames.isValid(name) ? Named(name: name, row: row) : nil
        }
    }

    /// The zone's instance group of that GCE name or numeric id (404 when unknown).
    func instanceGroup(in zone: Named<CloudStack.Zone>, _ wanted: String) async throws(GCEError) -> Named<CloudStack.InstanceGroup> {
        guard let group = try await instanceGroups(in: zone).find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/zones/\(zone.name)/instanceGroups/\(wanted)")
        }
        return group
    }

    /// The zone's instances in `group`.
    func members(of group: Named<CloudStack.InstanceGroup>, in zone: Named<CloudStack.Zone>) async throws(GCEError)
        -> [Named<VirtualMachine>]
    {
        try await virtualMachines(zoneID: zone.row.id ?? "").filter { $0.row.groupid == group.row.id }
    }

    /// A group's `fingerprint`: only named ports are fingerprinted and a group never has any, so it derives from the
    /// CloudStack name, which removeInstances keeps when it re-creates the group.
    static func fingerprint(_ group: Named<CloudStack.InstanceGroup>) -> String { Fingerprint.of([group.row.name ?? ""]) }

    /// The `InstanceGroup` GCE shows for a CloudStack group and the zone's VMs.
    func instanceGroupView(_ group: Named<CloudStack.InstanceGroup>, zone: String, vms: [Named<VirtualMachine>]) -> InstanceGroup {
        let id = group.row.id ?? ""
        let size = vms.reduce(0) { $0 + ($1.row.groupid == id ? 1 : 0) }
        return InstanceGroup(
            id: ResourceID.of(id), name: group.name, creationTimestamp: Timestamps.fromCloudStack(group.row.created),
            zone: links.zone(zone), size: size, fingerprint: Self.fingerprint(group), selfLink: links.instanceGroup(zone, group.name))
    }

    /// The instances an `instances[].instance` list names, all in `zone` (GCE refuses an instance of another zone).
    func groupMembers(_ references: [String], in zone: Named<CloudStack.Zone>) async throws(GCEError) -> [Named<VirtualMachine>] {
        let vms = try await virtualMachines(zoneID: zone.row.id ?? "")
        var found: [Named<VirtualMachine>] = []
        for (index, reference) in references.enumerated() {
            let parts = reference.split(separator: "/")
            guard parts.count >= 4, parts[parts.count - 2] == "instances", parts[parts.count - 4] == "zones" else {
                throw GCEError.invalid("Invalid value for field 'resource.instances[\(index)].instance': '\(reference.prefix(256))'")
            }
            guard parts[parts.count - 3] == zone.name else {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.instances[\(index)].instance': '\(reference.prefix(256))'. "
                        + "The instance must be in zone \(zone.name), the zone of the instance group")
            }
            let name = String(parts[parts.count - 1])
            guard let vm = vms.find(name, id: { $0.id ?? "" }) else {
                throw GCEError.notFound("projects/\(project)/zones/\(zone.name)/instances/\(name.prefix(64))")
            }
            found.append(vm)
        }
        return found
    }
}

/// The `instances[].instance` URLs of an `InstanceGroupsAddInstancesRequest` or `...RemoveInstancesRequest` body.
func instanceReferences(_ request: MethodRequest) throws(GCEError) -> [String] {
    let body = try request.json().requireObject()
    let items = try body.array("instances", at: "resource.instances")
    guard items.count <= 1000 else { throw GCEError.invalid("Invalid value for field 'resource.instances': at most 1000 instances") }
    var references: [String] = []
    for (index, item) in items.enumerated() {
        let path = "resource.instances[\(index)]"
        let object = try item.requireObject(path)
        references.append(try object.requiredString("instance", at: path + ".instance"))
    }
    return references
}

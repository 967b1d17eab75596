import Pipeline

/// `compute.instances.getEffectiveFirewalls` [listVirtualMachines, then as firewalls.list]: for a NIC on `default`,
/// the firewalls with no `targetTags` or a target tag the instance has (the security groups it is in); for a NIC on
/// a VPC tier, every firewall of that VPC's network (ACL items apply to the whole tier); a NIC on another network has
/// none the bridge serves. `networkInterface` must name one of the instance's NICs.
enum InstancesGetEffectiveFirewalls: GCEMethod {
    static let id = "compute.instances.getEffectiveFirewalls"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/getEffectiveFirewalls"

    /// The instance and the NIC asked about.
    struct Input: Sendable {
        let instance: ZonalResourceInput
        let networkInterface: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        guard let nic = request.query["networkInterface"], !nic.isEmpty else { throw GCEError.required("networkInterface") }
        guard nic.utf8.count <= 8, nic.hasPrefix("nic"), let index = Int(nic.dropFirst(3)), "nic\(index)" == nic else {
            throw GCEError.invalid("Invalid value for field 'networkInterface': '\(nic.prefix(32))'")
        }
        return Input(instance: try ZonalResourceInput(request, "instance"), networkInterface: nic)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> EffectiveFirewalls {
        let zone = try await context.zone(input.instance.zone)
        let vm = try await context.instance(in: zone, input.instance.name)
        // NICs are `nic<index>` in CloudStack's order, as instances show them; decode checked the form.
        guard let index = Int(input.networkInterface.dropFirst(3)), vm.row.nic.indices.contains(index) else {
            throw GCEError.invalid(
                "Invalid value for field 'networkInterface': '\(input.networkInterface)'. The instance has no such network interface")
        }
        let nic = vm.row.nic[index]
        if let vpcID = nic.vpcid {
            let records = try await context.firewallRecords().records
            return EffectiveFirewalls(firewalls: records.filter { $0.vpcID == vpcID }.map(\.firewall))
        }
        guard NetworkMap.isOnDefault(nic, zone: zone.row) else { return EffectiveFirewalls(firewalls: []) }
        let tags = Set(MetadataTags.networkTags(vm.row.tags))
        let firewalls = try await context.firewallRecords().records.filter { $0.vpcID == nil }.map(\.firewall).filter { firewall in
            firewall.targetTags.isEmpty || firewall.targetTags.contains(where: tags.contains)
        }
        return EffectiveFirewalls(firewalls: firewalls)
    }
}

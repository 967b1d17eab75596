import CloudStack

extension MethodCall {
    /// The name of the network (VPC or guest network UUID) or subnetwork (tier UUID) an operation targets, while
    /// it exists [listNetworks, listVPCs].
    func networkTargetName(_ uuid: String, kind: OperationName.Target) async -> String? {
        guard let map = try? await networkMap() else { return nil }
        if kind == .subnetwork { return map.member(networkID: uuid)?.name }
        return map.entries.first { $0.vpc?.id == uuid || ($0.vpc == nil && !$0.isDefault && $0.subnetworks.first?.row.id == uuid) }?
            .name
    }

    /// The zone new VPCs go to: `gce.networks.zone`, else the first zone that can hold VPCs (advanced, no
    /// security groups); 400 naming `field` when there is none.
    func vpcZone(field: String) async throws(GCEError) -> Named<CloudStack.Zone> {
        let zones = try await self.zones()
        let wanted = configuration.networks.zone
        if !wanted.isEmpty {
            guard let zone = zones.first(where: { $0.name == wanted || $0.row.id == wanted || $0.row.name == wanted }) else {
                throw GCEError.backend("gce.networks.zone names zone \(wanted), which this CloudStack account does not see")
            }
            return zone
        }
        guard let zone = zones.first(where: { $0.row.networktype == "Advanced" && $0.row.securitygroupsenabled != true }) else {
            throw GCEError.invalid(
                "Invalid value for field '\(field)': no CloudStack zone here can hold a VPC (every zone is Basic or uses security "
                    + "groups), so no network other than default can be created")
        }
        return zone
    }

    /// The id of the VPC offering `gce.networks.vpcOffering` names [listVPCOfferings].
    func vpcOfferingID() async throws(GCEError) -> String {
        let wanted = configuration.networks.vpcOffering
        let rows = try await listAll(CommandTable.listVPCOfferings, ["name": wanted])
        guard let id = rows.first(where: { $0.name == wanted || $0.id == wanted })?.id else {
            throw GCEError.backend("CloudStack has no VPC offering \(wanted) (gce.networks.vpcOffering)")
        }
        return id
    }

    /// The id of the tier offering `gce.networks.subnetworkOffering` names [listNetworkOfferings forvpc=true].
    func subnetworkOfferingID() async throws(GCEError) -> String {
        let wanted = configuration.networks.subnetworkOffering
        let rows = try await listAll(CommandTable.listNetworkOfferings, ["forvpc": "true"])
        guard let id = rows.first(where: { $0.name == wanted || $0.id == wanted })?.id else {
            throw GCEError.backend("CloudStack has no VPC tier network offering \(wanted) (gce.networks.subnetworkOffering)")
        }
        return id
    }

    /// The VPC's `gce-firewalls` ACL list, created (and awaited) when the VPC has none [listNetworkACLLists,
    /// createNetworkACLList].
    func firewallList(vpcID: String) async throws(GCEError) -> String {
        let lists = try await listAll(CommandTable.listNetworkACLLists, ["vpcid": vpcID, "name": FirewallList.name])
        if let id = lists.first(where: { $0.name == FirewallList.name && $0.vpcid == vpcID })?.id { return id }
        let receipt = try await call(
            CommandTable.createNetworkACLList, ["name": FirewallList.name, "description": FirewallList.description, "vpcid": vpcID])
        try await awaitJob(receipt.jobid)
        guard let id = receipt.id else { throw GCEError.backend("createNetworkACLList returned no id") }
        return id
    }

    /// Creates a tier of `vpcID` in `zoneID` [createNetwork]: the tier offering, the range's first host as the
    /// gateway, the VPC's `gce-firewalls` list.
    func createTier(name: String, description: String?, range: IPv4Range, vpcID: String, zoneID: String, aclID: String)
        async throws(GCEError) -> CloudStack.Network
    {
        let offering = try await subnetworkOfferingID()
        return try await call(
            CommandTable.createNetwork,
            [
                "name": name, "displaytext": description.flatMap { $0.isEmpty ? nil : $0 } ?? name, "networkofferingid": offering,
                "zoneid": zoneID, "vpcid": vpcID, "gateway": range.firstHost, "netmask": range.netmask, "aclid": aclID,
            ])
    }

    /// 400 `resourceInUseByAnotherResource` when a VM has a NIC on `networkID` [listVirtualMachines networkid]: a
    /// deleted instance too until CloudStack expunges it, since deleteNetwork fails until then.
    func checkNoInstances(on networkID: String, resource: String) async throws(GCEError) {
        let vms = try await listAll(CommandTable.listVirtualMachines, ["networkid": networkID])
        guard let vm = vms.first else { return }
        let name = ResourceNames.ownName(vm.name ?? "", id: vm.id ?? "")
        let gone = vm.state == "Destroyed" || vm.state == "Expunging"
        throw GCEError(
            status: 400, reason: "resourceInUseByAnotherResource",
            message: "The \(resource) is already being used by instance '\(name)'"
                + (gone ? ", which was deleted but CloudStack has not expunged yet (expunge.delay): retry once it has" : ""))
    }
}

/// The ACL list every subnetwork the bridge creates uses: no items, so ingress is denied and egress allowed, GCE's
/// implied rules; the firewall part adds its items (decision 0011, 0012).
enum FirewallList {
    static let name = "gce-firewalls"
    static let description = "GCE firewall rules of this network (StackBridge)"
}

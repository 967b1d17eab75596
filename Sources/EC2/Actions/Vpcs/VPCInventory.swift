import CloudStack

/// The caller's VPCs and subnets as EC2 shows them, read once per request: its CloudStack VPCs (one
/// EC2 VPC each), their tiers (subnets), and the synthetic default VPC whose subnets are the guest
/// networks outside any CloudStack VPC (docs/decisions/0009-ec2-network-model.md §1, §2, §4).
struct VPCInventory {
    let zones: [Zone]
    let vpcs: [VPC]
    let networks: [Network]

    /// Reads VPCs (only the one named by `vpc` when given) and, when `networks` is set, every guest network.
    static func load(vpc: EC2ID? = nil, networks: Bool = true, in context: ActionContext) async throws(EC2Error) -> VPCInventory {
        let zones = try await context.zones()
        var parameters = Parameters()
        var vpcs: [VPC] = []
        if let vpc, vpc.description != SecurityGroupMapping.defaultVpcID {
            parameters["id"] = vpc.cloudStackUUID
            vpcs = try await context.list(CommandTable.listVPCs, parameters, context: .ids(.vpc, [vpc.description]))
        } else if vpc == nil {
            vpcs = try await context.list(CommandTable.listVPCs)
        }
        let rows = networks ? try await context.list(CommandTable.listNetworks) : []
        return VPCInventory(zones: zones, vpcs: vpcs, networks: rows)
    }

    /// The guest networks outside any CloudStack VPC: the default VPC's subnets.
    var defaultSubnetNetworks: [Network] { networks.filter { $0.vpcid == nil && $0.cidr != nil } }

    /// Whether the caller has the default VPC: it sees at least one guest network outside a CloudStack VPC.
    var hasDefaultVPC: Bool { !defaultSubnetNetworks.isEmpty }

    /// Whether the caller has the default VPC, with one listNetworks call.
    static func defaultVPCExists(in context: ActionContext) async throws(EC2Error) -> Bool {
        VPCInventory(zones: [], vpcs: [], networks: try await context.list(CommandTable.listNetworks)).hasDefaultVPC
    }

    /// The account name shown as the default VPC's owner: the caller's, from any row that carries it.
    var ownerName: String { vpcs.lazy.compactMap(\.account).first ?? networks.lazy.compactMap(\.account).first ?? "" }

    /// Every VPC: the default one first when the caller has it, then each CloudStack VPC.
    func vpcViews(in context: ActionContext) -> [VpcView] {
        var views: [VpcView] = []
        if hasDefaultVPC, let cidr = IPv4CIDR.covering(defaultSubnetNetworks.compactMap(\.cidr)) {
            views.append(VpcView(defaultCovering: cidr, ownerId: ownerName))
        }
        for vpc in vpcs {
            if let view = VpcView(vpc, tags: context.withPendingTags(vpc.tags, on: vpc.id)) { views.append(view) }
        }
        return views
    }

    /// The network of each zone that is its default subnet (`defaultForAz`): in a zone with security
    /// groups its first shared network, else the caller's first isolated network outside a VPC (by
    /// creation time, then id).
    var defaultForAzIDs: Set<String> {
        var result = Set<String>()
        let ordered = defaultSubnetNetworks.sorted { ($0.created ?? "", $0.id ?? "") < ($1.created ?? "", $1.id ?? "") }
        for zone in zones {
            let securityGroups = zone.networktype == "Basic" || zone.securitygroupsenabled == true
            let type = securityGroups ? "Shared" : "Isolated"
            if let id = ordered.first(where: { $0.zoneid == zone.id && $0.type == type })?.id { result.insert(id) }
        }
        return result
    }

    /// Every subnet; `nicsInUse` counts the caller's NICs by network id (empty: none counted).
    func subnetViews(nicsInUse: [String: Int] = [:], in context: ActionContext) -> [SubnetView] {
        let defaults = defaultForAzIDs
        let owner = ownerName
        return networks.compactMap { network -> SubnetView? in
            guard network.vpcid == nil || vpcs.contains(where: { $0.id == network.vpcid }) else { return nil }
            return SubnetView(
                network, tags: context.withPendingTags(network.tags, on: network.id),
                defaultForAz: network.id.map(defaults.contains) ?? false, nicsInUse: network.id.flatMap { nicsInUse[$0] } ?? 0,
                owner: owner)
        }
    }

    /// The caller's NICs with an address, counted by network id (one listVirtualMachines call).
    static func nicsInUse(in context: ActionContext) async throws(EC2Error) -> [String: Int] {
        var counts: [String: Int] = [:]
        for vm in try await InstanceLookup.virtualMachines(nil, in: context) {
            for nic in vm.nic {
                if let network = nic.networkid, nic.ipaddress != nil { counts[network, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The CloudStack VPC an EC2 VPC id names (`InvalidVpcID.NotFound` when the caller has none); the
    /// default VPC is `OperationNotPermitted` for `action`, since its subnets are CloudStack's zone networks.
    static func cloudStackVPC(_ id: EC2ID, for action: String, in context: ActionContext) async throws(EC2Error) -> VPC {
        if id.description == SecurityGroupMapping.defaultVpcID {
            throw EC2Error(
                code: "OperationNotPermitted",
                message:
                    "\(action) is not permitted on the default VPC \(id.description): its subnets are CloudStack's zone networks, which a user cannot create or delete."
            )
        }
        let rows = try await context.list(CommandTable.listVPCs, ["id": id.cloudStackUUID], context: .ids(.vpc, [id.description]))
        guard let vpc = rows.first(where: { $0.id == id.cloudStackUUID }) else { throw EC2Error.notFound(.vpc, ids: [id.description]) }
        return vpc
    }

    /// The CloudStack network a subnet id names (`InvalidSubnetID.NotFound` when the caller has none).
    static func network(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) -> Network {
        let rows = try await context.list(CommandTable.listNetworks, ["id": id.cloudStackUUID], context: .ids(.subnet, [id.description]))
        guard let network = rows.first(where: { $0.id == id.cloudStackUUID }) else {
            throw EC2Error.notFound(.subnet, ids: [id.description])
        }
        return network
    }
}

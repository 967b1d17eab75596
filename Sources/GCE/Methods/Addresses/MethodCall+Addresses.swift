import CloudStack

/// CloudStack tags that keep what GCE has on an address and a public IP does not.
enum AddressTags {
    /// The address's GCE name (a public IP has none).
    static let name = "gce-address-name"
    /// Marks the public IP an ephemeral access config acquired: not a reserved address, released with its config.
    static let ephemeral = "gce-ephemeral"
}

extension MethodCall {
    /// The caller's reserved addresses [listPublicIpAddresses]: every public IP it holds (source NAT ones too, IN_USE
    /// by their router) except the ephemeral ones of access configs, named by their `gce-address-name` tag or,
    /// without one (an address acquired outside the bridge), `ip-` and the address with dashes.
    func addresses() async throws(GCEError) -> [Named<PublicIPAddress>] {
        let rows = try await listAll(CommandTable.listPublicIpAddresses).filter { row in
            row.state != "Releasing" && !row.tags.contains { $0.key == AddressTags.ephemeral }
        }
        return rows.named(
            id: { $0.id ?? "" },
            name: { row in
                row.tags.first { $0.key == AddressTags.name }?.value ?? "ip-" + (row.ipaddress ?? "").replacingDots()
            })
    }

    /// The region's address of that GCE name or numeric id (404 when unknown).
    func address(_ wanted: String, region: String) async throws(GCEError) -> Named<PublicIPAddress> {
        guard let address = try await addresses().find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/regions/\(region)/addresses/\(wanted)")
        }
        return address
    }

    /// Addresses as compute `Address`es; `users` names each static NAT VM as its zone names it [listVirtualMachines
    /// once per zone that has one].
    func addressViews(_ rows: [Named<PublicIPAddress>], region: String) async throws(GCEError) -> [Address] {
        var instanceLinks: [String: String] = [:]
        let zonesWithUsers = Set(rows.compactMap { $0.row.virtualmachineid == nil ? nil : $0.row.zoneid })
        if !zonesWithUsers.isEmpty {
            for zone in try await zones() where zonesWithUsers.contains(zone.row.id ?? "") {
                for vm in try await virtualMachines(zoneID: zone.row.id ?? "") {
                    instanceLinks[vm.row.id ?? ""] = links.instance(zone.name, vm.name)
                }
            }
        }
        return rows.map { named in
            let row = named.row
            let status: String
            if row.state == "Allocating" {
                status = "RESERVING"
            } else if row.issourcenat == true || row.isstaticnat == true || row.virtualmachineid != nil {
                status = "IN_USE"
            } else {
                status = "RESERVED"
            }
            return Address(
                id: ResourceID.of(row.id ?? named.name), name: named.name, description: MetadataTags.description(row.tags),
                creationTimestamp: Timestamps.fromCloudStack(row.allocated), address: row.ipaddress ?? "", status: status,
                region: links.region(region), users: row.virtualmachineid.flatMap { instanceLinks[$0] }.map { [$0] } ?? [],
                labels: MetadataTags.labels(row.tags), selfLink: links.address(region, named.name))
        }
    }

    /// Where CloudStack can acquire a public IP for the caller [listZones, listNetworks, listVPCs]: for its first
    /// isolated network outside a VPC (by creation time) in an advanced zone without security groups, else for its
    /// first VPC there. Zones with security groups have no public IP ranges for users, and CloudStack acquires an
    /// address for a network or VPC, never free-standing: both are a 400 that says so.
    func addressPlacement(field: String) async throws(GCEError) -> Parameters {
        let zones = try await self.zones()
        let eligible = Set(zones.filter { $0.row.networktype == "Advanced" && $0.row.securitygroupsenabled != true }.compactMap(\.row.id))
        guard !eligible.isEmpty else {
            throw GCEError.invalid(
                "Invalid value for field '\(field)': external addresses need an advanced CloudStack zone without security groups; zones \(zones.map(\.name).joined(separator: ", ")) have no public IP ranges for users"
            )
        }
        func oldest<Row>(_ rows: [Row], _ key: (Row) -> (String, String)) -> Row? { rows.min { key($0) < key($1) } }
        let networks = try await listAll(CommandTable.listNetworks).filter { row in
            row.type == "Isolated" && row.vpcid == nil && row.zoneid.map(eligible.contains) == true
        }
        if let network = oldest(networks, { ($0.created ?? "", $0.id ?? "") })?.id { return ["networkid": network] }
        let vpcs = try await listAll(CommandTable.listVPCs).filter { $0.zoneid.map(eligible.contains) == true }
        if let vpc = oldest(vpcs, { ($0.created ?? "", $0.id ?? "") })?.id { return ["vpcid": vpc] }
        throw GCEError.invalid(
            "Invalid value for field '\(field)': CloudStack acquires a public IP for a network or VPC; create an instance or a network first"
        )
    }
}

extension Links {
    /// `…/regions/<region>/addresses/<name>`.
    func address(_ region: String, _ name: String) -> String { self.region(region) + "/addresses/" + name }
    /// `…/global/routes/<name>`.
    func route(_ name: String) -> String { projectLink + "/global/routes/" + name }
}

extension String {
    /// `172.16.0.5` -> `172-16-0-5`, for names of addresses the bridge did not name.
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "-" : $0 }) }
}

extension MethodCall {
    /// The GCE name of an address or route operation's target, while it exists; its numeric id once it is gone.
    func addressOrRouteName(_ name: OperationName) async -> String {
        if name.kind.target == .address {
            return (try? await addresses().first { $0.row.id == name.target }?.name) ?? ResourceID.string(name.target)
        }
        return (try? await routeTable().entries.first { $0.staticRouteID == name.target }?.route.name) ?? ResourceID.string(name.target)
    }
}

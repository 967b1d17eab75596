import CloudStack

/// Network tags as security-group membership (docs/decisions/0012-gce-firewalls.md): in a security-group zone an
/// instance on `default` is in its account's `default` group and in `gce-tag-<t>` for each network tag, so a
/// firewall whose `targetTags` name the tag applies to it, as on GCE.
enum TagSecurityGroups {
    /// Whether an instance on `network` (nil or `default`) in `zone` gets its membership from its tags.
    static func applies(zone: CloudStack.Zone, network: String?) -> Bool {
        zone.securitygroupsenabled == true && (network == nil || network == "default")
    }
}

extension MethodCall {
    /// The groups an instance with network `tags` is in: `default` and `gce-tag-<t>` for each tag, made when missing
    /// [listSecurityGroups, createSecurityGroup].
    func tagSecurityGroupIDs(_ tags: [String]) async throws(GCEError) -> [String] {
        let groups = try await listAll(CommandTable.listSecurityGroups)
        var ids: [String] = []
        for name in ["default"] + tags.map(FirewallRecord.group(forTag:)) {
            if let id = groups.first(where: { $0.name == name })?.id {
                ids.append(id)
            } else {
                let description = name == "default" ? "Default Security Group" : "Instances with GCE network tag \(name.dropFirst(8))"
                let created = try await call(CommandTable.createSecurityGroup, ["name": name, "description": description])
                ids.append(created.id ?? "")
            }
        }
        return ids
    }

    /// Adds deploy's `securitygroupids` for an instance with network `tags` (nothing when it has none, or its zone
    /// or network has no security groups: CloudStack then puts it in `default` itself).
    func joinTagSecurityGroups(_ tags: [String], zone: CloudStack.Zone, network: String?, into parameters: inout Parameters)
        async throws(GCEError)
    {
        guard !tags.isEmpty, TagSecurityGroups.applies(zone: zone, network: network) else { return }
        parameters.setList("securitygroupids", try await tagSecurityGroupIDs(tags))
    }
}

extension MethodCall {
    /// Keeps a VM's membership true when its network tags change from `old` to `new` [updateVirtualMachine
    /// securitygroupids]: CloudStack 4.18 changes a VM's security groups only while it is stopped, so a running
    /// instance whose tag set changes is refused naming `tags.items` (stop it, set the tags, start it). Groups the
    /// VM is in that are not the bridge's (`default`, `gce-tag-*`) stay.
    func moveTagSecurityGroups(_ vm: Named<VirtualMachine>, zone: Named<CloudStack.Zone>, from old: [String], to new: [String])
        async throws(GCEError)
    {
        let nic = vm.row.nic.first
        let network = NetworkMap.isOnDefault(nic, zone: zone.row) ? "default" : nic?.networkname
        guard Set(old) != Set(new), TagSecurityGroups.applies(zone: zone.row, network: network) else { return }
        guard vm.row.state == "Stopped" else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.tags.items': the instance must be stopped to change its network tags "
                    + "(they are its security groups, which CloudStack changes only on a stopped VM)")
        }
        let others = vm.row.securitygroup.filter { group in
            guard let name = group.name else { return false }
            return name != "default" && !name.hasPrefix("gce-tag-")
        }.compactMap(\.id)
        var parameters: Parameters = ["id": vm.row.id ?? ""]
        parameters.setList("securitygroupids", try await tagSecurityGroupIDs(new) + others)
        _ = try await call(CommandTable.updateVirtualMachine, parameters)
    }
}

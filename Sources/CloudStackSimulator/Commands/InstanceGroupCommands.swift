import JSON

/// createInstanceGroup, deleteInstanceGroup, listInstanceGroups, updateInstanceGroup, as CloudStack 4.18 answers them
/// (all synchronous; names unique per account; membership is the VM's `groupid`, set by deployVirtualMachine or
/// updateVirtualMachine `group`, which create the group when the account has none of that name).
enum InstanceGroupCommands {
    static let all: [Command] = [list, create, update, delete]

    static let list = Command(
        "listInstanceGroups",
        accepts: ["account", "domainid", "id", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "projectid"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name")
        let groups = world.instanceGroups.filter { group in
            guard query.includes(account: group.accountID) else { return false }
            if let id, group.id != id { return false }
            if let name, group.name != name { return false }
            return query.matchesKeyword(group.name)
        }
        query.write(groups, item: "instancegroup", into: &w) { group, w in world.writeInstanceGroup(group, into: &w) }
    }

    static let create = Command("createInstanceGroup", required: ["name"], accepts: ["account", "domainid", "projectid"]) {
        world, call, w in
        let owner = try call.owner(in: world)
        let group = try world.createInstanceGroup(try call.required("name"), accountID: owner.id, now: call.nowSeconds)
        w.beginObject()
        w.key("instancegroup")
        world.writeInstanceGroup(group, into: &w)
        w.endObject()
    }

    static let update = Command("updateInstanceGroup", required: ["id"], accepts: ["name"]) { world, call, w in
        var group = try call.requiredEntity(world.instanceGroups, "id")
        try call.checkAccess(group.accountID, resource: "InstanceGroup \(group.id)")
        if let name = call.string("name"), name != group.name {
            if world.instanceGroups.all.contains(where: { $0.accountID == group.accountID && $0.name == name }) {
                throw APIError.invalid("Unable to update vm group, a group with name \(name) already exists for account")
            }
            group.name = name
            world.instanceGroups[group.id] = group
        }
        w.beginObject()
        w.key("instancegroup")
        world.writeInstanceGroup(group, into: &w)
        w.endObject()
    }

    /// Deleting a group takes its VMs out of it (`deleteVmGroup` expunges the group's `instance_group_vm_map` rows).
    static let delete = Command("deleteInstanceGroup", required: ["id"]) { world, call, w in
        let group = try call.requiredEntity(world.instanceGroups, "id")
        try call.checkAccess(group.accountID, resource: "InstanceGroup \(group.id)")
        for var vm in world.virtualMachines.all where vm.groupID == group.id {
            vm.groupID = nil
            world.virtualMachines[vm.id] = vm
        }
        world.instanceGroups[group.id] = nil
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }
}

extension World {
    /// `createVmGroup`: a new group for the account, refused when it has one of that name.
    mutating func createInstanceGroup(_ name: String, accountID: String, now: Int64) throws -> InstanceGroup {
        if instanceGroups.all.contains(where: { $0.accountID == accountID && $0.name == name }) {
            throw APIError.invalid("Unable to create instance group, a group with name \(name) already exists for account \(accountID)")
        }
        let group = InstanceGroup(id: ids.next(), name: name, accountID: accountID, created: now)
        instanceGroups[group.id] = group
        return group
    }

    /// `addInstanceToGroup`: the account's group of that name (created if it has none) becomes the VM's only group.
    mutating func join(_ vm: inout VirtualMachine, group name: String, now: Int64) throws {
        if let existing = instanceGroups.all.first(where: { $0.accountID == vm.accountID && $0.name == name }) {
            vm.groupID = existing.id
        } else {
            vm.groupID = try createInstanceGroup(name, accountID: vm.accountID, now: now).id
        }
    }

    /// One instance group as listInstanceGroups and createInstanceGroup show it (`InstanceGroupResponse`).
    func writeInstanceGroup(_ group: InstanceGroup, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", group.id)
        w.member("name", group.name)
        w.member("created", DateText.format(group.created))
        writeOwner(group.accountID, into: &w)
        w.member("hasannotations", false)
        w.endObject()
    }
}

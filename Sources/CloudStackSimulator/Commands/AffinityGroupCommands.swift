import JSON

/// createAffinityGroup, deleteAffinityGroup, listAffinityGroups, listAffinityGroupTypes, as CloudStack
/// 4.18 answers them for a user (create and delete are async; names are unique per account).
enum AffinityGroupCommands {
    static let all: [Command] = [list, types, create, delete, update]

    /// The types a 4.18 management server with the default processors offers users.
    static let knownTypes = ["host affinity", "host anti-affinity"]

    static let types = Command("listAffinityGroupTypes", accepts: ["keyword", "page", "pagesize"]) { world, call, w in
        let query = try ListQuery(call, world: world)
        let listed = knownTypes.filter { query.matchesKeyword($0) }
        query.write(listed, item: "affinityGroupType", into: &w) { type, w in
            w.beginObject()
            w.member("type", type)
            w.endObject()
        }
    }

    static let list = Command(
        "listAffinityGroups",
        accepts: [
            "account", "domainid", "id", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "projectid", "type",
            "virtualmachineid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), type = call.string("type"), vm = call.string("virtualmachineid")
        let groups = world.affinityGroups.filter { group in
            guard query.includes(account: group.accountID) else { return false }
            if let id, group.id != id { return false }
            if let name, group.name != name { return false }
            if let type, group.type != type { return false }
            if let vm, !group.virtualMachineIDs.contains(vm) { return false }
            return query.matchesKeyword(group.name)
        }
        query.write(groups, item: "affinitygroup", into: &w) { group, w in world.writeAffinityGroup(group, into: &w) }
    }

    static let create = Command(
        "createAffinityGroup", async: true, required: ["name", "type"], accepts: ["account", "description", "domainid", "projectid"]
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let name = try call.required("name"), type = try call.required("type")
        guard knownTypes.contains(type) else {
            throw APIError.invalid("Unable to create affinity group, invalid affinity group type: \(type)")
        }
        if world.affinityGroups.all.contains(where: { $0.accountID == owner.id && $0.name == name }) {
            throw APIError.invalid("Unable to create affinity group, a group with name \(name) already exists.")
        }
        let id = world.ids.next()
        let group = AffinityGroup(id: id, name: name, description: call.string("description"), type: type, accountID: owner.id)
        world.affinityGroups[id] = group
        _ = call.startJob(&world, into: &w, instanceType: "AffinityGroup", instanceID: id, createdID: id) { world, _ in
            guard let group = world.affinityGroups[id] else { throw APIError.internalError("Affinity group \(id) is gone") }
            return jobResult("affinitygroup") { world.writeAffinityGroup(group, into: &$0) }
        }
    }

    static let delete = Command("deleteAffinityGroup", async: true, accepts: ["account", "domainid", "id", "name", "projectid"]) {
        world, call, w in
        let owner = try call.owner(in: world)
        let group: AffinityGroup
        if call.string("id") != nil {
            group = try call.requiredEntity(world.affinityGroups, "id")
            try call.checkAccess(group.accountID, resource: "AffinityGroup \(group.id)")
        } else if let name = call.string("name") {
            guard let found = world.affinityGroups.all.first(where: { $0.accountID == owner.id && $0.name == name }) else {
                throw APIError.invalid("Unable to find affinity group by name \(name) for account \(owner.name)")
            }
            group = found
        } else {
            throw APIError.invalid("Either the affinity group id or name must be specified")
        }
        if !group.virtualMachineIDs.isEmpty {
            throw APIError.invalid("Cannot delete affinity group \(group.name): it has virtual machines")
        }
        let id = group.id
        _ = call.startJob(&world, into: &w, instanceType: "AffinityGroup", instanceID: id) { world, _ in
            world.affinityGroups[id] = nil
            return AsyncJobBody.success
        }
    }
}

extension World {
    /// One affinity group as listAffinityGroups and createAffinityGroup's job result show it.
    func writeAffinityGroup(_ group: AffinityGroup, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", group.id)
        w.member("name", group.name)
        w.member("description", ifPresent: group.description)
        w.member("type", group.type)
        writeOwner(group.accountID, into: &w)
        w.key("virtualmachineIds")
        w.beginArray()
        for vm in group.virtualMachineIDs { w.string(vm) }
        w.endArray()
        w.endObject()
    }
}

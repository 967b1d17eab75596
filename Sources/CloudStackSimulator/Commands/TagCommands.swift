import JSON

/// createTags, deleteTags, listTags over every taggable resource type.
enum TagCommands {
    static let all: [Command] = [create, delete, list]

    /// `ResourceObjectType` names the simulator can tag.
    static let types = ["UserVm", "Template", "Volume", "Snapshot", "Network", "Vpc", "PublicIpAddress", "SecurityGroup", "Zone"]

    static func canonicalType(_ call: Call) throws -> String {
        let raw = try call.required("resourcetype")
        guard let type = types.first(where: { $0.lowercased() == raw.lowercased() }) else {
            throw APIError.invalid("Invalid resource type \(raw)")
        }
        return type
    }

    /// The owner of a resource of a type, or nil when no such resource exists (nil owner for shared ones).
    static func owner(_ world: World, type: String, id: String) -> String?? {
        switch type {
        case "UserVm": return world.virtualMachines[id].map { $0.accountID }
        case "Template": return world.templates[id].map { $0.accountID }
        case "Volume": return world.volumes[id].map { $0.accountID }
        case "Snapshot": return world.snapshots[id].map { $0.accountID }
        case "Network": return world.networks[id].map { $0.accountID }
        case "Vpc": return world.vpcs[id].map { $0.accountID }
        case "PublicIpAddress": return world.publicIPs[id].map { $0.accountID }
        case "SecurityGroup": return world.securityGroups[id].map { $0.accountID }
        case "Zone": return world.zones[id].map { _ in nil }
        default: return nil
        }
    }

    static let create = Command("createTags", async: true, required: ["resourceids", "resourcetype", "tags"], accepts: ["customer"]) {
        world, call, w in
        let type = try canonicalType(call)
        let resourceIDs = call.list("resourceids") ?? []
        let pairs = call.map("tags").compactMap { entry in entry["key"].map { ($0, entry["value"] ?? "") } }
        guard !pairs.isEmpty else { throw APIError.missing(call.name, "tags") }
        let caller = call.caller, customer = call.string("customer")
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            for id in resourceIDs {
                guard let owner = owner(world, type: type, id: id) else {
                    throw APIError.invalid("Unable to find resource by id \(id) and type \(type)")
                }
                if let owner, owner != caller.account.id, !caller.isAdmin {
                    throw APIError.permission(
                        "Acct[\(caller.account.id)-\(caller.account.name)] does not have permission to operate with resource \(id)")
                }
                if owner == nil && !caller.isAdmin {
                    throw APIError.permission("Only admins can tag resources of type \(type)")
                }
                for (key, _) in pairs where world.tags(of: id).contains(where: { $0.key == key }) {
                    throw APIError.invalid("tag \(key) already on \(type) with id \(id)")
                }
            }
            for id in resourceIDs {
                let owner = owner(world, type: type, id: id).flatMap { $0 } ?? caller.account.id
                for (key, value) in pairs {
                    world.addTag(
                        ResourceTag(
                            key: key, value: value, resourceID: id, resourceType: type, accountID: owner,
                            customer: customer))
                }
            }
            return AsyncJobBody.success
        }
    }

    static let delete = Command("deleteTags", async: true, required: ["resourceids", "resourcetype"], accepts: ["tags"]) { world, call, w in
        let type = try canonicalType(call)
        let resourceIDs = call.list("resourceids") ?? []
        let filters = call.map("tags").map { ($0["key"], $0["value"]) }
        let caller = call.caller
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            var matched = false
            for id in resourceIDs {
                guard let owner = owner(world, type: type, id: id) else {
                    throw APIError.invalid("Unable to find resource by id \(id) and type \(type)")
                }
                if let owner, owner != caller.account.id, !caller.isAdmin {
                    throw APIError.permission(
                        "Acct[\(caller.account.id)-\(caller.account.name)] does not have permission to operate with resource \(id)")
                }
                let match: (ResourceTag) -> Bool = { tag in
                    filters.isEmpty
                        || filters.contains { (key, value) in
                            (key == nil || key == tag.key) && (value == nil || value == tag.value)
                        }
                }
                if world.tags(of: id).contains(where: match) { matched = true }
                world.removeTags(of: id, where: match)
            }
            guard matched else { throw APIError.invalid("Unable to find any tags which conform to specified delete parameters") }
            return AsyncJobBody.success
        }
    }

    static let list = Command(
        "listTags",
        accepts: [
            "account", "customer", "domainid", "isrecursive", "key", "keyword", "listall", "page", "pagesize", "resourceid",
            "resourcetype", "value",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let key = call.string("key"), value = call.string("value"), resourceID = call.string("resourceid")
        let type = call.string("resourcetype")?.lowercased(), customer = call.string("customer")
        let tags = world.tags.filter { tag in
            guard query.includes(account: tag.accountID) else { return false }
            if let key, tag.key != key { return false }
            if let value, tag.value != value { return false }
            if let resourceID, tag.resourceID != resourceID { return false }
            if let type, tag.resourceType.lowercased() != type { return false }
            if let customer, tag.customer != customer { return false }
            return query.matchesKeyword(tag.key, tag.value)
        }
        query.write(tags, item: "tag", into: &w) { tag, w in world.writeTag(tag, into: &w) }
    }
}

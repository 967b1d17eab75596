import JSON

/// createTags, deleteTags, listTags over every taggable resource type.
enum TagCommands {
    static let all: [Command] = [create, delete, list]

    /// `ResourceObjectType` names the simulator can tag.
    static let types = [
        "UserVm", "Template", "Volume", "Snapshot", "Network", "Vpc", "PublicIpAddress", "SecurityGroup", "Zone", "SecurityGroupRule",
        "NetworkACL", "StaticRoute",
    ]

    /// The type's canonical name, or the error the command's job fails with: the commands read the
    /// type in `execute` (ResourceManagerUtilImpl.getResourceType), which runs inside the job.
    static func canonicalType(_ call: Call) throws -> Result<String, APIError> {
        let raw = try call.required("resourcetype")
        guard let type = types.first(where: { $0.lowercased() == raw.lowercased() }) else {
            return .failure(APIError.invalid("Invalid resource type \(raw)"))
        }
        return .success(type)
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
        // A rule's owner is its group's (TaggedResourceManagerImpl reads the rule's security group account).
        case "SecurityGroupRule":
            return world.securityGroups.all.first { ($0.ingress + $0.egress).contains { $0.ruleID == id } }.map { $0.accountID }
        // An ACL item's owner is its list's VPC's account (a default list has none: only admins tag it).
        case "NetworkACL":
            guard let item = world.networkACLItems[id] else { return nil }
            return .some(world.networkACLLists[item.aclID].flatMap { $0.vpcID }.flatMap { world.vpcs[$0]?.accountID })
        case "StaticRoute": return world.staticRoutes[id].map { $0.accountID }
        default: return nil
        }
    }

    /// TaggedResourceManagerImpl.createTags: for each key and resource, the resource must exist
    /// ("Unable to find resource by uuid …"), be the caller's, and the value be non-empty ("Value for the
    /// key … is either null or empty"); an existing key is "tag … already on …" (a CloudRuntimeException).
    /// All or nothing (one transaction). The `tags` map is read into a HashMap: a repeated key keeps its last value.
    static let create = Command("createTags", async: true, required: ["resourceids", "resourcetype", "tags"], accepts: ["customer"]) {
        world, call, w in
        let canonical = try canonicalType(call)
        let resourceIDs = call.list("resourceids") ?? []
        var collected: [(key: String, value: String?)] = []
        for entry in call.map("tags") {
            guard let key = entry["key"] else { continue }
            collected.removeAll { $0.key == key }
            collected.append((key, entry["value"]))
        }
        let pairs = collected
        guard !pairs.isEmpty else { throw APIError.missing(call.name, "tags") }
        let caller = call.caller, customer = call.string("customer")
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            let type = try canonical.get()
            for (key, value) in pairs {
                for id in resourceIDs {
                    guard let owner = owner(world, type: type, id: id) else {
                        throw APIError.invalid("Unable to find resource by uuid \(id) and type \(type)")
                    }
                    if let owner, owner != caller.account.id, !caller.isAdmin {
                        throw APIError.permission(
                            "Acct[\(caller.account.id)-\(caller.account.name)] does not have permission to operate with resource \(id)")
                    }
                    if owner == nil && !caller.isAdmin {
                        throw APIError.permission("Only admins can tag resources of type \(type)")
                    }
                    guard let value, !value.isEmpty else { throw APIError.invalid("Value for the key \(key) is either null or empty") }
                    if world.tags(of: id).contains(where: { $0.key == key }) {
                        throw APIError.internalError("tag \(key) already on \(type) with id \(id)")
                    }
                }
            }
            for id in resourceIDs {
                let owner = owner(world, type: type, id: id).flatMap { $0 } ?? caller.account.id
                for (key, value) in pairs {
                    world.addTag(
                        ResourceTag(
                            key: key, value: value ?? "", resourceID: id, resourceType: type, accountID: owner,
                            customer: customer))
                }
            }
            return AsyncJobBody.success
        }
    }

    /// TaggedResourceManagerImpl.deleteTags: the tags of `resourceids` of the type (no check that the
    /// resources exist), all of them without `tags`, else those whose key and (when given) value equal
    /// one asked for ignoring case; none → the job fails "Failed to delete tags" (ServerApiException,
    /// 530); another account's tag → PermissionDeniedException.
    static let delete = Command("deleteTags", async: true, required: ["resourceids", "resourcetype"], accepts: ["tags"]) { world, call, w in
        let canonical = try canonicalType(call)
        let resourceIDs = call.list("resourceids") ?? []
        var collected: [(key: String?, value: String?)] = []
        for entry in call.map("tags") {
            collected.removeAll { $0.key == entry["key"] }
            collected.append((entry["key"], entry["value"]))
        }
        let filters = collected
        let caller = call.caller
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            let type = try canonical.get()
            let match: (ResourceTag) -> Bool = { tag in
                guard tag.resourceType == type else { return false }
                return filters.isEmpty
                    || filters.contains { (key, value) in
                        key?.lowercased() == tag.key.lowercased() && (value == nil || value?.lowercased() == tag.value.lowercased())
                    }
            }
            let doomed = resourceIDs.flatMap { world.tags(of: $0).filter(match) }
            guard !doomed.isEmpty else { throw APIError.internalError("Failed to delete tags") }
            for tag in doomed where tag.accountID != caller.account.id && !caller.isAdmin {
                throw APIError.permission(
                    "Acct[\(caller.account.id)-\(caller.account.name)] does not have permission to operate with resource \(tag.resourceID)")
            }
            for id in resourceIDs { world.removeTags(of: id, where: match) }
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

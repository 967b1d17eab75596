import JSON

/// addResourceDetail, removeResourceDetail and listResourceDetails (ResourceMetaDataManagerImpl,
/// QueryManagerImpl.listResourceDetails) for the resource types whose details the simulator keeps.
///
/// CloudStack looks the resource up by UUID only (ResourceManagerUtilImpl.getResourceId): none of the
/// three commands checks that the caller owns it. Detail names compare as MySQL compares them under
/// the schema's default collation, ignoring case.
enum ResourceDetailCommands {
    static let all: [Command] = [add, remove, list]

    /// `ResourceObjectType`s with details here (CloudStack has more; `Nic` has details but no tags).
    static let types = ["Nic"]

    /// The type's canonical name, else the job's error: CloudStack parses it in `execute`.
    static func canonicalType(_ call: Call) throws -> Result<String, APIError> {
        let raw = try call.required("resourcetype")
        if let type = types.first(where: { $0.lowercased() == raw.lowercased() }) { return .success(type) }
        if TagCommands.types.contains(where: { $0.lowercased() == raw.lowercased() }) {
            return .failure(APIError.internalError("ResourceType \(raw) doesn't support metadata"))
        }
        return .failure(APIError.invalid("Invalid resource type \(raw)"))
    }

    /// ResourceManagerUtilImpl.getResourceId: the resource must exist (any owner).
    static func requireResource(_ world: World, type: String, id: String) throws {
        let exists: Bool
        switch type {
        case "Nic": exists = world.nicLocation(id) != nil
        default: exists = false
        }
        guard exists else { throw APIError.invalid("Unable to find resource by uuid \(id) and type \(type)") }
    }

    /// AddResourceDetailCmd: `details[n].key/value` read into a HashMap (a repeated key keeps its last
    /// value); an empty value fails the job; ResourceDetailsDaoBase.addDetail replaces a detail of the
    /// same name, so a key set again overwrites.
    static let add = Command(
        "addResourceDetail", async: true, required: ["details", "resourceid", "resourcetype"], accepts: ["fordisplay"]
    ) {
        world, call, w in
        let canonical = try canonicalType(call)
        let resourceID = try call.required("resourceid")
        var collected: [(key: String, value: String?)] = []
        for entry in call.map("details") {
            guard let key = entry["key"] else { continue }
            collected.removeAll { $0.key == key }
            collected.append((key, entry["value"]))
        }
        guard !collected.isEmpty else { throw APIError.missing(call.name, "details") }
        let pairs = collected, display = call.bool("fordisplay") ?? true
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            let type = try canonical.get()
            for (key, value) in pairs {
                guard let value, !value.isEmpty else { throw APIError.invalid("Value for the key \(key) is either null or empty") }
                try requireResource(world, type: type, id: resourceID)
            }
            for (key, value) in pairs {
                world.setDetail(ResourceDetail(resourceID: resourceID, resourceType: type, key: key, value: value ?? "", display: display))
            }
            return AsyncJobBody.success
        }
    }

    /// RemoveResourceDetailCmd: the detail named `key`, or every detail of the resource; nothing to
    /// remove is still a success.
    static let remove = Command("removeResourceDetail", async: true, required: ["resourceid", "resourcetype"], accepts: ["key"]) {
        world, call, w in
        let canonical = try canonicalType(call)
        let resourceID = try call.required("resourceid"), key = call.string("key")?.lowercased()
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: nil) { world, _ in
            let type = try canonical.get()
            try requireResource(world, type: type, id: resourceID)
            world.removeDetails(of: resourceID) { $0.resourceType == type && (key == nil || $0.key.lowercased() == key) }
            return AsyncJobBody.success
        }
    }

    /// QueryManagerImpl.listResourceDetails: needs `resourceid` or `value` (then with `key`). With a
    /// value it lists every resource of the type with that key and value (the resource id is then not
    /// used); with a resource id, its details, or its one detail named `key`. No paging, no owner.
    static let list = Command(
        "listResourceDetails", required: ["resourcetype"],
        accepts: [
            "account", "domainid", "fordisplay", "isrecursive", "key", "keyword", "listall", "page", "pagesize", "projectid",
            "resourceid", "value",
        ]
    ) { world, call, w in
        let type = try canonicalType(call).get()
        let resourceID = call.string("resourceid"), key = call.string("key")?.lowercased(), value = call.string("value")?.lowercased()
        let display = call.bool("fordisplay")
        guard resourceID != nil || value != nil else {
            throw APIError.invalid(
                "Insufficient parameters passed for listing by resourceId OR key,value pair. Please check your params and try again.")
        }
        guard value == nil || key != nil else {
            throw APIError.invalid("Listing by (key, value) but key is null. Please check the params and try again")
        }
        if let resourceID { try requireResource(world, type: type, id: resourceID) }
        let rows: [ResourceDetail]
        if let value, let key {
            rows = world.resourceDetails.values.joined().filter {
                $0.resourceType == type && $0.key.lowercased() == key && $0.value.lowercased() == value
                    && (display == nil || $0.display == display)
            }
        } else {
            rows = world.details(of: resourceID ?? "").filter {
                $0.resourceType == type && (key == nil || $0.key.lowercased() == key) && (display == nil || $0.display == display)
            }
        }
        w.beginObject()
        if !rows.isEmpty {
            w.member("count", rows.count)
            w.key("resourcedetail")
            w.beginArray()
            for row in rows { writeDetail(row, into: &w) }
            w.endArray()
        }
        w.endObject()
    }

    /// ResourceDetailResponse, in its field order.
    static func writeDetail(_ detail: ResourceDetail, into w: inout JSONWriter) {
        w.beginObject()
        w.member("resourceid", detail.resourceID)
        w.member("resourcetype", detail.resourceType)
        w.member("key", detail.key)
        w.member("value", detail.value)
        w.member("fordisplay", detail.display)
        w.endObject()
    }
}

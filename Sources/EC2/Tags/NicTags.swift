import CloudStack

/// EC2 tags on network interfaces, kept as CloudStack resource details of the NIC (decision 0009 §10).
///
/// CloudStack cannot tag a NIC (ResourceObjectType `Nic` has tags disabled) but keeps details on it:
/// addResourceDetail replaces a detail of the same name, removeResourceDetail removes one by name,
/// and listResourceDetails lists them only by resource id, or by key and value across every NIC (it
/// refuses a listing with neither). Details are added with `fordisplay=true` and listed with it, so
/// details CloudStack keeps for itself (not for display) never show as tags. Detail names compare
/// ignoring case (MySQL's default collation), so two keys that differ only in case cannot both be kept.
enum NicTags {
    /// CloudStack's resource type.
    static let resourceType = "Nic"
    /// How many listResourceDetails calls one request runs at a time.
    static let concurrentReads = ConcurrentReads.width

    /// The details of one NIC as stored (displayed ones, internal keys included), with the caller's
    /// pending ones; rows as listTags rows so every tag path reads one shape.
    static func rows(on nicID: String, in context: ActionContext) async throws(EC2Error) -> [Tag] {
        let parameters: Parameters = ["resourcetype": resourceType, "resourceid": nicID, "fordisplay": "true"]
        let details = try await context.list(CommandTable.listResourceDetails, parameters)
        return context.withPendingTags(details.map { tag(from: $0, on: nicID) }, on: nicID)
    }

    /// The rows of several NICs: one listResourceDetails by key and value when `matching` is given
    /// (then only rows with that key and value), else one per NIC, a few at a time.
    static func rows(
        on nicIDs: [String], matching: (key: String, value: String)? = nil, in context: ActionContext
    ) async throws(EC2Error) -> [Tag] {
        if let matching, let byNic = try await rows(matching: matching, in: context) {
            // The listing spans every account's NICs: only the caller's are kept.
            return nicIDs.flatMap { byNic[$0] ?? [] }
        }
        return try await ConcurrentReads.map(nicIDs) { (id: String) async throws(EC2Error) -> [Tag] in
            try await rows(on: id, in: context)
        }.flatMap { $0 }
    }

    /// Every NIC's rows with the detail `matching` (every account's: the listing takes no owner), by NIC id, from one
    /// listResourceDetails; nil while the caller has tags pending, which that listing cannot show.
    static func rows(matching: (key: String, value: String), in context: ActionContext) async throws(EC2Error) -> [String: [Tag]]? {
        guard context.memory.pendingTags.isEmpty(for: context.accessKeyID) else { return nil }
        let parameters: Parameters = ["resourcetype": resourceType, "key": matching.key, "value": matching.value, "fordisplay": "true"]
        var byNic: [String: [Tag]] = [:]
        for detail in try await context.list(CommandTable.listResourceDetails, parameters) {
            guard let id = detail.resourceid else { continue }
            byNic[id, default: []].append(tag(from: detail, on: id))
        }
        return byNic
    }

    /// The user tags of several NICs by NIC id, as EC2 shows them.
    static func views(of nicIDs: [String], in context: ActionContext) async throws(EC2Error) -> [String: [TagView]] {
        let rows = try await rows(on: nicIDs, in: context)
        var byNic: [String: [Tag]] = [:]
        for row in rows { byNic[row.resourceid ?? "", default: []].append(row) }
        return byNic.mapValues(TagMapping.views)
    }

    /// Sets `tags` (EC2 values) on one NIC and waits for the job like createTags.
    static func set(_ tags: [(key: String, value: String)], on nicID: String, in context: ActionContext) async throws(EC2Error) {
        guard !tags.isEmpty else { return }
        let stored = tags.map { (key: $0.key, value: TagMapping.cloudStack($0.value)) }
        var parameters: Parameters = ["resourcetype": resourceType, "resourceid": nicID, "fordisplay": "true"]
        parameters.setTags(stored, name: "details")
        let receipt = try await context.submit(CommandTable.addResourceDetail, parameters)
        try await context.awaitTagJob(receipt.jobid, setting: stored, on: [nicID], resourceType: resourceType)
    }

    /// Removes the details named `keys` from one NIC (one removeResourceDetail each) and waits for the jobs.
    static func remove(_ keys: [String], from nicID: String, in context: ActionContext) async throws(EC2Error) {
        guard !keys.isEmpty else { return }
        var jobs: [String] = []
        for key in keys {
            let parameters: Parameters = ["resourcetype": resourceType, "resourceid": nicID, "key": key]
            jobs.append(try await context.submit(CommandTable.removeResourceDetail, parameters).jobid)
        }
        context.memory.pendingTags.remove(on: [nicID], keys: Set(keys), caller: context.accessKeyID)
        for job in jobs {
            guard try await context.awaitJob(job, deadlineNanos: context.memory.tagJobWaitNanos * 6) else {
                throw EC2Error.unavailable("CloudStack is still deleting the tags; try again shortly.")
            }
        }
    }

    /// Refuses a key that differs only in case from another key of the NIC: CloudStack would replace it.
    static func checkCase(_ wanted: [(key: String, value: String)], existing: [(key: String, value: String)]) throws(EC2Error) {
        for tag in wanted {
            let folded = tag.key.lowercased()
            if let clash = existing.first(where: { $0.key != tag.key && $0.key.lowercased() == folded }) {
                throw EC2Error.invalidParameterValue(
                    "CloudStack keeps network interface tags whose keys differ only in case as one: '\(XMLSafeName.clip(tag.key))' "
                        + "would replace '\(XMLSafeName.clip(clash.key))'.")
            }
        }
    }

    private static func tag(from detail: ResourceDetail, on nicID: String) -> Tag {
        var tag = Tag()
        tag.key = detail.key
        tag.value = detail.value
        tag.resourceid = detail.resourceid ?? nicID
        tag.resourcetype = resourceType
        return tag
    }
}

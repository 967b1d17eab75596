import CloudStack

/// The `Snapshot` resource of `snapshots.insert` and `disks.createSnapshot`, as far as CloudStack can honour it:
/// `name`, `description`, `labels`, `sourceDisk` and `snapshotType: STANDARD`. Output-only members are ignored as
/// Google ignores them; any other member is refused naming it (CloudStack snapshots have no encryption keys,
/// storage locations, chains or archive tier).
struct SnapshotBody: Sendable {
    let name: String
    let description: String?
    let labels: [(key: String, value: String)]
    let sourceDisk: DiskReference?

    static let honoured: Set<String> = ["name", "description", "labels", "sourceDisk", "snapshotType"]
    static let outputOnly: Set<String> = [
        "kind", "id", "creationTimestamp", "selfLink", "status", "diskSizeGb", "storageBytes", "storageBytesStatus",
        "labelFingerprint", "sourceDiskId", "licenses", "licenseCodes", "autoCreated", "downloadBytes", "creationSizeBytes",
        "satisfiesPzi", "satisfiesPzs", "architecture", "enableConfidentialCompute", "sourceSnapshotSchedulePolicy",
        "sourceSnapshotSchedulePolicyId", "sourceInstantSnapshotId", "snapshotGroupId", "snapshotGroupName",
    ]

    init(_ request: MethodRequest) throws(GCEError) {
        let body = try request.json().requireObject()
        if case .object(let members) = body {
            for (key, _) in members where !Self.honoured.contains(key) && !Self.outputOnly.contains(key) {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.\(key.prefix(64))': StackBridge cannot honour it on CloudStack 4.18 snapshots")
            }
        }
        name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else { throw GCEError.invalid("Invalid value for field 'resource.name': '\(name.prefix(128))'") }
        description = try body.string("description", at: "resource.description")
        if let description, description.utf8.count > 2048 {
            throw GCEError.invalid("Invalid value for field 'resource.description': longer than 2048 characters")
        }
        labels = try body.stringMap("labels", at: "resource.labels")
        try Labels.validate(labels)
        if let type = try body.string("snapshotType", at: "resource.snapshotType"), type != "STANDARD" {
            throw GCEError.invalid(
                "Invalid value for field 'resource.snapshotType': '\(type.prefix(64))'. CloudStack has STANDARD snapshots only")
        }
        if let text = try body.string("sourceDisk", at: "resource.sourceDisk") {
            sourceDisk = try DiskReference(text, field: "resource.sourceDisk")
        } else {
            sourceDisk = nil
        }
    }

    /// The tags `createSnapshot` puts on the snapshot: the labels, and the description as `gce-description`.
    var tags: [(key: String, value: String)] {
        var tags = labels
        if let description, !description.isEmpty { tags.append(("gce-description", description)) }
        return tags
    }
}

extension MethodCall {
    /// Snapshots `volume` as `body` says [createSnapshot volumeid, name, tags]; 409 when the name is taken.
    /// Returns the job and the new snapshot's id.
    func createSnapshot(of volume: Named<Volume>, _ body: SnapshotBody) async throws(GCEError) -> (job: String, id: String) {
        if try await snapshots().contains(where: { $0.name == body.name }) {
            throw GCEError.alreadyExists("projects/\(project)/global/snapshots/\(body.name)")
        }
        var parameters: Parameters = ["volumeid": volume.row.id ?? "", "name": body.name]
        let tags = body.tags
        if !tags.isEmpty { parameters.setTags(tags) }
        let receipt = try await call(CommandTable.createSnapshot, parameters)
        return (receipt.jobid, receipt.id ?? "")
    }
}

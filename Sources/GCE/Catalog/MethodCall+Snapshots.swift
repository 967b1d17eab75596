import CloudStack

extension MethodCall {
    /// GCE snapshot names by CloudStack id, for the snapshots these volumes were made from; no call when none was.
    func sourceSnapshotNames(of volumes: [Named<Volume>]) async throws(GCEError) -> [String: String] {
        guard volumes.contains(where: { $0.row.snapshotid != nil }) else { return [:] }
        var names: [String: String] = [:]
        for snapshot in try await snapshots() { names[snapshot.row.id ?? ""] = snapshot.name }
        return names
    }

    /// The caller's volume snapshots, named globally (GCE snapshots are global resources). Their GCE name is the
    /// CloudStack snapshot `name`, which `createSnapshot` is given.

    func snapshots() async throws(GCEError) -> [Named<CloudStack.Snapshot>] {
        let rows = try await listAll(CommandTable.listSnapshots)
        return rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
    }

    /// The snapshot of that GCE name or numeric id (404 when unknown).
    func snapshot(_ wanted: String) async throws(GCEError) -> Named<CloudStack.Snapshot> {
        guard let snapshot = try await snapshots().find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/global/snapshots/\(wanted)")
        }
        return snapshot
    }

    /// The zone and volume a snapshot's `sourceDisk` names, found as `disks.get` finds a disk (404 when unknown).
    func snapshotSourceDisk(_ reference: DiskReference) async throws(GCEError) -> (zone: Named<CloudStack.Zone>, volume: Named<Volume>) {
        let zone = try await zone(reference.zone)
        guard let volume = try await volumes(zoneID: zone.row.id ?? "").find(reference.name, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/zones/\(zone.name)/disks/\(reference.name)")
        }
        return (zone, volume)
    }

    /// Snapshots as GCE shows them: each `sourceDisk` links to its volume by the GCE name `disks.get` answers to
    /// (one `listVolumes` per zone that has snapshots, not one per snapshot).
    func snapshotViews(_ rows: [Named<CloudStack.Snapshot>]) async throws(GCEError) -> [Snapshot] {
        guard !rows.isEmpty else { return [] }
        let zones = try await zones()
        var zoneNames: [String: String] = [:]
        var diskNames: [String: String] = [:]
        for zoneID in Set(rows.compactMap(\.row.zoneid)) {
            guard let zone = zones.first(where: { $0.row.id == zoneID }) else { continue }
            zoneNames[zoneID] = zone.name
            for volume in try await volumes(zoneID: zoneID) { diskNames[volume.row.id ?? ""] = volume.name }
        }
        return rows.map { row in
            let zone = row.row.zoneid.flatMap { zoneNames[$0] }
            let disk = row.row.volumeid.flatMap { diskNames[$0] } ?? row.row.volumename.map { ResourceNames.gceName(for: $0) }
            return Conversions.snapshot(row, zone: zone, disk: disk, links: links)
        }
    }
}

/// `…/zones/<zone>/disks/<disk>` (a full URL, a partial one, or `zones/<zone>/disks/<disk>`), checked in `decode`.
struct DiskReference: Sendable {
    let zone: String
    let name: String

    init(zone: String, name: String) {
        self.zone = zone
        self.name = name
    }

    /// 400 naming `field` unless `reference` names a zone and a disk.
    init(_ reference: String, field: String) throws(GCEError) {
        let parts = reference.split(separator: "/")
        let zoneIndex = parts.count - 4
        guard zoneIndex >= 0, parts[zoneIndex] == "zones", parts[zoneIndex + 2] == "disks" else {
            throw GCEError.invalid("Invalid value for field '\(field)': '\(reference.prefix(256))'")
        }
        try ResourceReference.check(parts[zoneIndex + 1], in: reference, field: field)
        try ResourceReference.check(parts[zoneIndex + 3], in: reference, field: field)
        zone = String(parts[zoneIndex + 1])
        name = String(parts[zoneIndex + 3])
    }
}

extension Conversions {
    /// A CloudStack snapshot as a compute `Snapshot`: `status` from its state, `description` from `gce-description`.
    static func snapshot(_ snapshot: Named<CloudStack.Snapshot>, zone: String?, disk: String?, links: Links) -> Snapshot {
        let row = snapshot.row
        let status: String
        switch row.state {
        case "BackedUp": status = "READY"
        case "BackingUp": status = "UPLOADING"
        case "Error": status = "FAILED"
        case "Destroying", "Destroyed": status = "DELETING"
        default: status = "CREATING"
        }
        let size = row.virtualsize.map { ($0 + (1 << 30) - 1) >> 30 }
        var source: String?
        if let zone, let disk { source = links.disk(zone, disk) }
        return Snapshot(
            id: ResourceID.of(row.id ?? snapshot.name), name: snapshot.name, description: MetadataTags.description(row.tags),
            creationTimestamp: Timestamps.fromCloudStack(row.created), status: status, sourceDisk: source,
            sourceDiskId: row.volumeid.map { ResourceID.of($0) }, diskSizeGb: size, storageBytes: row.physicalsize ?? row.virtualsize,
            labels: MetadataTags.labels(row.tags), selfLink: links.snapshot(snapshot.name))
    }
}

import CloudStack

extension CloudStack.Snapshot {
    /// The GCE name of this snapshot, from the row alone (`ResourceNames.ownName`, decision 0017): the CloudStack
    /// snapshot `name`, which `createSnapshot` is given, when it is a valid GCE name.
    var gceName: String { ResourceNames.ownName(name ?? "", id: id ?? "") }
}

extension MethodCall {
    /// GCE snapshot names by CloudStack id, for the snapshots these volumes were made from: one listSnapshots `ids=`
    /// call for those snapshots only, none when no volume came from one. A snapshot deleted since is left out.
    func sourceSnapshotNames(of volumes: [Named<Volume>]) async throws(GCEError) -> [String: String] {
        let ids = Array(Set(volumes.compactMap(\.row.snapshotid))).sorted()
        guard !ids.isEmpty else { return [:] }
        var parameters = Parameters()
        parameters.setList("ids", ids)
        var names: [String: String] = [:]
        for snapshot in try await listAll(CommandTable.listSnapshots, parameters) { names[snapshot.id ?? ""] = snapshot.gceName }
        return names
    }

    /// The caller's volume snapshots (GCE snapshots are global resources), each named from its own row.
    func snapshots() async throws(GCEError) -> [Named<CloudStack.Snapshot>] {
        try await listAll(CommandTable.listSnapshots).map { Named(name: $0.gceName, row: $0) }
    }

    /// The snapshot of that GCE name or numeric id (404 when unknown; 400 naming their ids when several have it).
    func snapshot(_ wanted: String) async throws(GCEError) -> Named<CloudStack.Snapshot> {
        try await snapshots().one(
            wanted, id: { $0.id ?? "" }, notFound: "projects/\(project)/global/snapshots/\(wanted)", field: "snapshot",
            plural: "snapshots")
    }

    /// The zone and volume a snapshot's `sourceDisk` names, found as `disks.get` finds a disk (404 when unknown).
    func snapshotSourceDisk(_ reference: DiskReference) async throws(GCEError) -> (zone: Named<CloudStack.Zone>, volume: Named<Volume>) {
        let zone = try await zone(reference.zone)
        return (zone, try await disk(in: zone, reference.name))
    }

    /// Snapshots as GCE shows them: each `sourceDisk` links to its volume by the GCE name `disks.get` answers to,
    /// made from the snapshot's own `volumename` (`Volume.diskName`), except that a boot disk is named after its
    /// instance, which a snapshot row does not carry: one listVolumes `ids=` call for the boot volumes of these
    /// snapshots, none when no snapshot is of a boot volume. So a page of snapshots costs its own rows.
    func snapshotViews(_ rows: [Named<CloudStack.Snapshot>]) async throws(GCEError) -> [Snapshot] {
        guard !rows.isEmpty else { return [] }
        let zones = try await zones()
        var zoneNames: [String: String] = [:]
        for zone in zones { zoneNames[zone.row.id ?? ""] = zone.name }
        var bootDisks: [String: String] = [:]
        let bootVolumes = Array(Set(rows.filter { $0.row.volumetype == "ROOT" }.compactMap(\.row.volumeid))).sorted()
        if !bootVolumes.isEmpty {
            var parameters = Parameters()
            parameters.setList("ids", bootVolumes)
            for volume in try await listAll(CommandTable.listVolumes, parameters) { bootDisks[volume.id ?? ""] = volume.diskName }
        }
        return rows.map { row in
            let zone = row.row.zoneid.flatMap { zoneNames[$0] }
            let disk =
                row.row.volumeid.flatMap { bootDisks[$0] }
                ?? row.row.volumename.map { ResourceNames.ownName($0, id: row.row.volumeid ?? "") }
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

import CloudStack

/// Volume tags that keep what GCE has and CloudStack does not: the device name an attach chose.
enum DiskTags {
    static let deviceName = "gce-device-name"
    static let autoDelete = "gce-auto-delete"

    /// Whether instances.delete deletes the disk with its instance: always for a boot disk, for a data disk when
    /// setDiskAutoDelete said so.
    static func autoDelete(_ volume: Named<Volume>) -> Bool {
        volume.row.type == "ROOT" || volume.row.tags.contains { $0.key == autoDelete && $0.value == "true" }
    }

    /// The disk's device name on its instance: the one `attachDisk` kept, or the disk's own name.
    static func deviceName(_ volume: Named<Volume>) -> String {
        volume.row.tags.first { $0.key == deviceName }?.value ?? volume.name
    }
}

extension Volume {
    /// The GCE name of this volume's disk, from the volume alone (`ResourceNames.ownName`, decision 0017): a boot
    /// (ROOT) volume after its instance, as GCE names a boot disk, not CloudStack's `ROOT-<n>`; any other volume by
    /// its CloudStack name.
    var diskName: String {
        if type == "ROOT", let vm = vmname { return ResourceNames.ownName(vm, id: virtualmachineid ?? "") }
        return ResourceNames.ownName(name ?? "", id: id ?? "")
    }

    /// Whether GCE sees a disk: a volume CloudStack destroyed (waiting for its expunge, e.g. an auto-delete disk of a
    /// deleted instance) is gone for GCE, as a destroyed VM is, and its name is free again.
    var isDisk: Bool { state != "Destroy" && state != "Expunging" && state != "Expunged" }
}

extension Collection where Element == Volume {
    /// The volumes that are disks, each named from its own row (`Volume.diskName`), in order.
    func namedDisks() -> [Named<Volume>] {
        compactMap { $0.isDisk ? Named(name: $0.diskName, row: $0) : nil }
    }
}

extension MethodCall {
    /// The zone's disk of that GCE name or numeric id (404 when unknown; 400 naming their ids when several disks
    /// have that name, as `instance(in:_:)` answers for instances).
    func disk(in zone: Named<CloudStack.Zone>, _ wanted: String) async throws(GCEError) -> Named<Volume> {
        let disks = try await volumes(zoneID: zone.row.id ?? "")
        return try disks.one(
            wanted, id: { $0.id ?? "" }, notFound: "projects/\(project)/zones/\(zone.name)/disks/\(wanted)", field: "disk",
            plural: "disks in zone \(zone.name)")
    }

    /// 400 `resourceInUseByAnotherResource` when the volume is attached, as GCE answers for a disk in use.
    func checkNotInUse(_ volume: Named<Volume>, zone: String) throws(GCEError) {
        guard volume.row.virtualmachineid != nil || volume.row.type == "ROOT" else { return }
        let user = volume.row.vmname.map {
            "projects/\(project)/zones/\(zone)/instances/\(ResourceNames.ownName($0, id: volume.row.virtualmachineid ?? ""))"
        }
        throw GCEError(
            status: 400, reason: "resourceInUseByAnotherResource",
            message:
                "The disk resource 'projects/\(project)/zones/\(zone)/disks/\(volume.name)' is already being used by '\(user ?? "an instance")'"
        )
    }
}

extension MethodCall {
    /// The disks of a run of CloudStack volume rows, one per row in order with the zone it is in (nil for a volume
    /// that is no disk, or in a zone not in `zones`), each named from its own row and its `sourceSnapshot` from one
    /// listSnapshots call for the run's snapshots: what a page cut from listVolumes' pages renders.
    func diskItems(_ rows: ArraySlice<Volume>, zones: [Named<CloudStack.Zone>]) async throws(GCEError) -> [Scoped<Disk>?] {
        let disks = rows.map { $0.isDisk ? Named(name: $0.diskName, row: $0) : nil }
        let snapshots = try await sourceSnapshotNames(of: disks.compactMap { $0 })
        return disks.map { disk in
            guard let disk, let zone = zones.first(where: { $0.row.id == disk.row.zoneid }) else { return nil }
            return Scoped(
                scope: "zones/\(zone.name)", item: Conversions.disk(disk, zone: zone.name, links: links, snapshotNames: snapshots))
        }
    }
}

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

extension Array where Element == Volume {
    /// Volumes named as GCE names disks: a boot (ROOT) volume after its instance, as GCE names a boot disk,
    /// not CloudStack's `ROOT-<n>`; any other volume by its CloudStack name. A volume CloudStack destroyed (waiting
    /// for its expunge, e.g. an auto-delete disk of a deleted instance) is gone for GCE, as a destroyed VM is, and
    /// its name is free again.
    func namedDisks() -> [Named<Volume>] {
        filter { $0.state != "Destroy" && $0.state != "Expunging" && $0.state != "Expunged" }.named(
            id: { $0.id ?? "" },
            name: { volume in
                if volume.type == "ROOT", let vm = volume.vmname {
                    return ResourceNames.instanceName(vm, id: volume.virtualmachineid ?? "")
                }
                return volume.name ?? ""
            })
    }
}

extension MethodCall {
    /// The zone's disk of that GCE name or numeric id (404 when unknown).
    func disk(in zone: Named<CloudStack.Zone>, _ wanted: String) async throws(GCEError) -> Named<Volume> {
        guard let volume = try await volumes(zoneID: zone.row.id ?? "").find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(project)/zones/\(zone.name)/disks/\(wanted)")
        }
        return volume
    }

    /// 400 `resourceInUseByAnotherResource` when the volume is attached, as GCE answers for a disk in use.
    func checkNotInUse(_ volume: Named<Volume>, zone: String) throws(GCEError) {
        guard volume.row.virtualmachineid != nil || volume.row.type == "ROOT" else { return }
        let user = volume.row.vmname.map {
            "projects/\(project)/zones/\(zone)/instances/\(ResourceNames.instanceName($0, id: volume.row.virtualmachineid ?? ""))"
        }
        throw GCEError(
            status: 400, reason: "resourceInUseByAnotherResource",
            message:
                "The disk resource 'projects/\(project)/zones/\(zone)/disks/\(volume.name)' is already being used by '\(user ?? "an instance")'"
        )
    }
}

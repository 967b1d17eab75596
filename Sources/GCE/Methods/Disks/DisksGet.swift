/// `compute.disks.get` [listVolumes zoneid=…].
enum DisksGet {
    static let method = Method("compute.disks.get", .get, "projects/{project}/zones/{zone}/disks/{disk}") { call in
        let zone = try await call.zone()
        let wanted = try call.parameter("disk")
        guard let volume = try await call.volumes(zoneID: zone.row.id ?? "").find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(call.project)/zones/\(zone.name)/disks/\(wanted)")
        }
        return Conversions.disk(volume, zone: zone.name, links: call.links).json
    }
}

/// `compute.disks.list` [listVolumes zoneid=…]: read-only, so instances' disk links resolve (libcloud needs them).
enum DisksList {
    static let method = Method("compute.disks.list", .get, "projects/{project}/zones/{zone}/disks") { call in
        let zone = try await call.zone()
        let disks = try await call.volumes(zoneID: zone.row.id ?? "").map { Conversions.disk($0, zone: zone.name, links: call.links) }
        return try call.list(
            disks, kind: "compute#diskList", collection: "zones/\(zone.name)/disks", name: \.name,
            created: \.creationTimestamp)
    }
}

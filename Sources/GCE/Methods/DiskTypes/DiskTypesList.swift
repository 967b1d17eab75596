/// `compute.diskTypes.list` [listDiskOfferings zoneid=…].
enum DiskTypesList {
    static let method = Method("compute.diskTypes.list", .get, "projects/{project}/zones/{zone}/diskTypes") { call in
        let zone = try await call.zone()
        let types = try await call.diskOfferings(zoneID: zone.row.id).map { Conversions.diskType($0, zone: zone.name, links: call.links) }
        return try call.list(types, kind: "compute#diskTypeList", collection: "zones/\(zone.name)/diskTypes", name: \.name)
    }
}

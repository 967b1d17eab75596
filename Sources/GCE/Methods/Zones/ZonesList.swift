/// `compute.zones.list` [listZones].
enum ZonesList {
    static let method = Method("compute.zones.list", .get, "projects/{project}/zones") { call in
        let region = try await call.localRegion()
        let zones = try await call.zones().map { Conversions.zone($0, region: region.name, links: call.links) }
        return try call.list(zones, kind: "compute#zoneList", collection: "zones", name: \.name)
    }
}

/// `compute.zones.get` [listZones].
enum ZonesGet {
    static let method = Method("compute.zones.get", .get, "projects/{project}/zones/{zone}") { call in
        let zone = try await call.zone()
        let region = try await call.localRegion()
        return Conversions.zone(zone, region: region.name, links: call.links).json
    }
}

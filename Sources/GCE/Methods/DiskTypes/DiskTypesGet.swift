/// `compute.diskTypes.get` [listDiskOfferings zoneid=…].
enum DiskTypesGet {
    static let method = Method("compute.diskTypes.get", .get, "projects/{project}/zones/{zone}/diskTypes/{diskType}") { call in
        let zone = try await call.zone()
        let wanted = try call.parameter("diskType")
        guard let offering = try await call.diskOfferings(zoneID: zone.row.id).find(wanted, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(call.project)/zones/\(zone.name)/diskTypes/\(wanted)")
        }
        return Conversions.diskType(offering, zone: zone.name, links: call.links).json
    }
}

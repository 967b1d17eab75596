import Pipeline

/// `compute.diskTypes.get` [listDiskOfferings zoneid=…], or the boot disk type.
enum DiskTypesGet: GCEMethod {
    static let id = "compute.diskTypes.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/diskTypes/{diskType}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "diskType") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> DiskType {
        let zone = try await context.zone(input.zone)
        guard let offering = try await context.diskOfferings(zoneID: zone.row.id).find(input.name, id: { $0.id ?? "" }) else {
            if input.name == BootDiskType.name { return BootDiskType.diskType(zone: zone.name, links: context.links) }
            throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/diskTypes/\(input.name)")
        }
        return Conversions.diskType(offering, zone: zone.name, links: context.links)
    }
}

import Pipeline

/// `compute.diskTypes.list` [listDiskOfferings zoneid=…], and the boot disk type.
enum DiskTypesList: GCEMethod {
    static let id = "compute.diskTypes.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/diskTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<DiskType> {
        let zone = try await context.zone(input.zone)
        let types = BootDiskType.withOfferings(try await context.diskOfferings(zoneID: zone.row.id), zone: zone.name, links: context.links)
        return try context.list(
            types, options: input.options, kind: "compute#diskTypeList", collection: "zones/\(zone.name)/diskTypes", name: \.name)
    }
}

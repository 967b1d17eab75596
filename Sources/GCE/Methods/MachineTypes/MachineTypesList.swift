import Pipeline

/// `compute.machineTypes.list` [listServiceOfferings zoneid=…]; customised offerings are left out.
enum MachineTypesList: GCEMethod {
    static let id = "compute.machineTypes.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/machineTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<MachineType> {
        let zone = try await context.zone(input.zone)
        let types = try await context.offerings(zoneID: zone.row.id).filter { $0.row.cpunumber != nil }
            .map { Conversions.machineType($0, zone: zone.name, links: context.links) }
        return try context.list(
            types, options: input.options, kind: "compute#machineTypeList", collection: "zones/\(zone.name)/machineTypes",
            name: \.name)
    }
}

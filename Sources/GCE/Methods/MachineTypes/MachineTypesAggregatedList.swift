import Pipeline

/// `compute.machineTypes.aggregatedList` [listZones, then listServiceOfferings per zone].
enum MachineTypesAggregatedList: GCEMethod {
    static let id = "compute.machineTypes.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/machineTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<MachineType> {
        var scopes: [(scope: String, items: [MachineType])] = []
        for zone in try await context.zones() {
            let types = try await context.offerings(zoneID: zone.row.id).filter { $0.row.cpunumber != nil }
                .map { Conversions.machineType($0, zone: zone.name, links: context.links) }
            scopes.append(("zones/\(zone.name)", types))
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#machineTypeAggregatedList", itemsKey: "machineTypes",
            collection: "machineTypes", name: \.name)
    }
}

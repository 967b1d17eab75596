import Pipeline

/// `compute.acceleratorTypes.list` [listZones]: always empty, as CloudStack 4.18 offers no GPUs in this mapping.
enum AcceleratorTypesList: GCEMethod {
    static let id = "compute.acceleratorTypes.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/acceleratorTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<AcceleratorType> {
        let zone = try await context.zone(input.zone)
        return try context.list(
            [AcceleratorType](), options: input.options, kind: "compute#acceleratorTypeList",
            collection: "zones/\(zone.name)/acceleratorTypes", name: \.name)
    }
}

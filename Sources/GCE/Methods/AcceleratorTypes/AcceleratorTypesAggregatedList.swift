import Pipeline

/// `compute.acceleratorTypes.aggregatedList` [listZones]: every zone an empty scope with GCE's `NO_RESULTS_ON_PAGE`
/// warning, as CloudStack 4.18 offers no GPUs in this mapping.
enum AcceleratorTypesAggregatedList: GCEMethod {
    static let id = "compute.acceleratorTypes.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/acceleratorTypes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<AcceleratorType> {
        let scopes = try await context.zones().map { (scope: "zones/\($0.name)", items: [AcceleratorType]()) }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#acceleratorTypeAggregatedList", itemsKey: "acceleratorTypes",
            collection: "acceleratorTypes", name: \.name)
    }
}

import Pipeline

/// `compute.globalOperations.aggregatedList` (see `OperationMethods.aggregatedList`).
enum GlobalOperationsAggregatedList: GCEMethod {
    static let id = "compute.globalOperations.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/operations"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Operation> {
        try await OperationMethods.aggregatedList(input, context)
    }
}

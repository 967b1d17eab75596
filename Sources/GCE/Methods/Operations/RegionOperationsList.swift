import Pipeline

/// `compute.regionOperations.list` (see `OperationMethods.list`).
enum RegionOperationsList: GCEMethod {
    static let id = "compute.regionOperations.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/operations"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationListInput { try OperationListInput(request) }

    static func call(_ input: OperationListInput, in context: MethodCall) async throws -> ResourceList<Operation> {
        try await OperationMethods.list(input, context)
    }
}

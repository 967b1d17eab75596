import Pipeline

/// `compute.regionOperations.wait` (see `OperationMethods.wait`).
enum RegionOperationsWait: GCEMethod {
    static let id = "compute.regionOperations.wait"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/regions/{region}/operations/{operation}/wait"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.wait(input, context)
    }
}

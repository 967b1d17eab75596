import Pipeline

/// `compute.regionOperations.delete` (see `OperationMethods.delete`).
enum RegionOperationsDelete: GCEMethod {
    static let id = "compute.regionOperations.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/regions/{region}/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> NoContent {
        try await OperationMethods.delete(input, context)
    }
}

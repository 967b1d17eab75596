import Pipeline

/// `compute.regionOperations.get` (see `OperationMethods.get`).
enum RegionOperationsGet: GCEMethod {
    static let id = "compute.regionOperations.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.get(input, context)
    }
}

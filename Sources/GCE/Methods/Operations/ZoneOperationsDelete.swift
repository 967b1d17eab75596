import Pipeline

/// `compute.zoneOperations.delete` (see `OperationMethods.delete`).
enum ZoneOperationsDelete: GCEMethod {
    static let id = "compute.zoneOperations.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/zones/{zone}/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> NoContent {
        try await OperationMethods.delete(input, context)
    }
}

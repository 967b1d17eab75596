import Pipeline

/// `compute.globalOperations.delete` (see `OperationMethods.delete`).
enum GlobalOperationsDelete: GCEMethod {
    static let id = "compute.globalOperations.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> NoContent {
        try await OperationMethods.delete(input, context)
    }
}

import Pipeline

/// `compute.globalOperations.wait` (see `OperationMethods.wait`).
enum GlobalOperationsWait: GCEMethod {
    static let id = "compute.globalOperations.wait"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/operations/{operation}/wait"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.wait(input, context)
    }
}

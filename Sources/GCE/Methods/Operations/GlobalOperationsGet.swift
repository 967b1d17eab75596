import Pipeline

/// `compute.globalOperations.get` (see `OperationMethods.get`).
enum GlobalOperationsGet: GCEMethod {
    static let id = "compute.globalOperations.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.get(input, context)
    }
}

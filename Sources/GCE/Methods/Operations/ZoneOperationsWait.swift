import Pipeline

/// `compute.zoneOperations.wait` (see `OperationMethods.wait`).
enum ZoneOperationsWait: GCEMethod {
    static let id = "compute.zoneOperations.wait"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/operations/{operation}/wait"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.wait(input, context)
    }
}

import Pipeline

/// `compute.zoneOperations.get` (see `OperationMethods.get`).
enum ZoneOperationsGet: GCEMethod {
    static let id = "compute.zoneOperations.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/operations/{operation}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationInput { try OperationInput(request) }

    static func call(_ input: OperationInput, in context: MethodCall) async throws -> Operation {
        try await OperationMethods.get(input, context)
    }
}

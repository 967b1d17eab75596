import Pipeline

/// `compute.zoneOperations.list` (see `OperationMethods.list`).
enum ZoneOperationsList: GCEMethod {
    static let id = "compute.zoneOperations.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/operations"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationListInput { try OperationListInput(request) }

    static func call(_ input: OperationListInput, in context: MethodCall) async throws -> ResourceList<Operation> {
        try await OperationMethods.list(input, context)
    }
}

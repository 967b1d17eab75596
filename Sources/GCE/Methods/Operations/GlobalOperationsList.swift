import Pipeline

/// `compute.globalOperations.list` (see `OperationMethods.list`).
enum GlobalOperationsList: GCEMethod {
    static let id = "compute.globalOperations.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/operations"

    static func decode(_ request: MethodRequest) throws(GCEError) -> OperationListInput { try OperationListInput(request) }

    static func call(_ input: OperationListInput, in context: MethodCall) async throws -> ResourceList<Operation> {
        try await OperationMethods.list(input, context)
    }
}

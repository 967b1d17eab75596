/// `compute.globalOperations.get` (see `OperationMethods.get`).
enum GlobalOperationsGet {
    static let method = Method("compute.globalOperations.get", .get, "projects/{project}/global/operations/{operation}") { call in
        try await OperationMethods.get(call, try OperationMethods.scope(call))
    }
}

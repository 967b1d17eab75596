/// `compute.globalOperations.list` (see `OperationMethods.list`).
enum GlobalOperationsList {
    static let method = Method("compute.globalOperations.list", .get, "projects/{project}/global/operations") { call in
        try await OperationMethods.list(call, try OperationMethods.scope(call))
    }
}

/// `compute.globalOperations.delete` (see `OperationMethods.delete`).
enum GlobalOperationsDelete {
    static let method = Method("compute.globalOperations.delete", .delete, "projects/{project}/global/operations/{operation}") { call in
        try await OperationMethods.delete(call, try OperationMethods.scope(call))
    }
}

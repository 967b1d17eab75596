/// `compute.globalOperations.wait` (see `OperationMethods.wait`).
enum GlobalOperationsWait {
    static let method = Method("compute.globalOperations.wait", .post, "projects/{project}/global/operations/{operation}/wait") { call in
        try await OperationMethods.wait(call, try OperationMethods.scope(call))
    }
}

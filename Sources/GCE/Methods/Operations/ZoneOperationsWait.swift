/// `compute.zoneOperations.wait` (see `OperationMethods.wait`).
enum ZoneOperationsWait {
    static let method = Method("compute.zoneOperations.wait", .post, "projects/{project}/zones/{zone}/operations/{operation}/wait") {
        call in
        try await OperationMethods.wait(call, try OperationMethods.scope(call))
    }
}

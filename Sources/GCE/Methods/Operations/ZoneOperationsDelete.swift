/// `compute.zoneOperations.delete` (see `OperationMethods.delete`).
enum ZoneOperationsDelete {
    static let method = Method("compute.zoneOperations.delete", .delete, "projects/{project}/zones/{zone}/operations/{operation}") { call in
        try await OperationMethods.delete(call, try OperationMethods.scope(call))
    }
}

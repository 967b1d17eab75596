/// `compute.zoneOperations.get` (see `OperationMethods.get`).
enum ZoneOperationsGet {
    static let method = Method("compute.zoneOperations.get", .get, "projects/{project}/zones/{zone}/operations/{operation}") { call in
        try await OperationMethods.get(call, try OperationMethods.scope(call))
    }
}

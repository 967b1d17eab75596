/// `compute.zoneOperations.list` (see `OperationMethods.list`).
enum ZoneOperationsList {
    static let method = Method("compute.zoneOperations.list", .get, "projects/{project}/zones/{zone}/operations") { call in
        try await OperationMethods.list(call, try OperationMethods.scope(call))
    }
}

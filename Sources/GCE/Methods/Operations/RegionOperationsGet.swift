/// `compute.regionOperations.get` (see `OperationMethods.get`).
enum RegionOperationsGet {
    static let method = Method("compute.regionOperations.get", .get, "projects/{project}/regions/{region}/operations/{operation}") { call in
        try await OperationMethods.get(call, try OperationMethods.scope(call))
    }
}

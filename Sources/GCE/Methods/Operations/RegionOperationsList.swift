/// `compute.regionOperations.list` (see `OperationMethods.list`).
enum RegionOperationsList {
    static let method = Method("compute.regionOperations.list", .get, "projects/{project}/regions/{region}/operations") { call in
        try await OperationMethods.list(call, try OperationMethods.scope(call))
    }
}

/// `compute.regionOperations.wait` (see `OperationMethods.wait`).
enum RegionOperationsWait {
    static let method = Method("compute.regionOperations.wait", .post, "projects/{project}/regions/{region}/operations/{operation}/wait") {
        call in
        try await OperationMethods.wait(call, try OperationMethods.scope(call))
    }
}

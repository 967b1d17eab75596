/// `compute.regionOperations.delete` (see `OperationMethods.delete`).
enum RegionOperationsDelete {
    static let method = Method("compute.regionOperations.delete", .delete, "projects/{project}/regions/{region}/operations/{operation}") {
        call in
        try await OperationMethods.delete(call, try OperationMethods.scope(call))
    }
}

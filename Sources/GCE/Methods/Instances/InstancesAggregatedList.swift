import Pipeline

/// `compute.instances.aggregatedList` [listZones, listVirtualMachines, listVolumes: three calls for any number of zones].
enum InstancesAggregatedList: GCEMethod {
    static let id = "compute.instances.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/instances"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Instance> {
        let scopes = try await context.instancesByZone(try await context.zones())
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#instanceAggregatedList", itemsKey: "instances",
            collection: "instances", name: \.name)
    }
}

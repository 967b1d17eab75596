import CloudStack
import Pipeline

/// `compute.instances.aggregatedList` [listZones, listVirtualMachines page by page, listVolumes zoneid=… per zone with
/// instances on the page, as the shared catalog keeps them].
enum InstancesAggregatedList: GCEMethod {
    static let id = "compute.instances.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/instances"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<Instance> {
        let zones = try await context.zones()
        if input.options.followsCloudStackOrder {
            // A page costs the CloudStack pages it needs (issue 16), in CloudStack's order over every zone.
            let (items, next) = try await context.walk(
                CommandTable.listVirtualMachines, Parameters(), id: \.id, options: input.options,
                kind: "compute#instanceAggregatedList", collection: "aggregated/instances"
            ) { (rows: ArraySlice<VirtualMachine>) async throws(GCEError) -> [Scoped<Instance>?] in
                try await context.instanceItems(rows, zones: zones)
            }
            return context.aggregatedPage(
                items, zones: zones.map { "zones/\($0.name)" }, nextPageToken: next, kind: "compute#instanceAggregatedList",
                itemsKey: "instances", collection: "instances")
        }
        let scopes = try await context.instancesByZone(zones)
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#instanceAggregatedList", itemsKey: "instances",
            collection: "instances", name: \.name)
    }
}

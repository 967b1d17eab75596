import Pipeline

/// `compute.instanceGroups.aggregatedList` [listZones; listInstanceGroups and listVirtualMachines per zone].
enum InstanceGroupsAggregatedList: GCEMethod {
    static let id = "compute.instanceGroups.aggregatedList"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/instanceGroups"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> AggregatedList<InstanceGroup> {
        var scopes: [(scope: String, items: [InstanceGroup])] = []
        for zone in try await context.zones() {
            let vms = try await context.virtualMachines(zoneID: zone.row.id ?? "")
            let groups = try await context.instanceGroups(in: zone).map { context.instanceGroupView($0, zone: zone.name, vms: vms) }
            scopes.append((scope: "zones/\(zone.name)", items: groups))
        }
        return try context.aggregated(
            scopes, options: input.options, kind: "compute#instanceGroupAggregatedList", itemsKey: "instanceGroups",
            collection: "instanceGroups", name: \.name)
    }
}

import Pipeline

/// `compute.instanceGroups.list` [listZones, listInstanceGroups, listVirtualMachines zoneid=…].
enum InstanceGroupsList: GCEMethod {
    static let id = "compute.instanceGroups.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instanceGroups"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<InstanceGroup> {
        let zone = try await context.zone(input.zone)
        let vms = try await context.virtualMachines(zoneID: zone.row.id ?? "")
        let groups = try await context.instanceGroups(in: zone).map { context.instanceGroupView($0, zone: zone.name, vms: vms) }
        return try context.list(
            groups, options: input.options, kind: "compute#instanceGroupList", collection: "zones/\(zone.name)/instanceGroups",
            name: \.name, created: \.creationTimestamp)
    }
}

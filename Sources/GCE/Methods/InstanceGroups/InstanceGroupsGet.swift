import Pipeline

/// `compute.instanceGroups.get` [listZones, listInstanceGroups, listVirtualMachines zoneid=… for `size`].
enum InstanceGroupsGet: GCEMethod {
    static let id = "compute.instanceGroups.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        try ZonalResourceInput(request, "instanceGroup")
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> InstanceGroup {
        let zone = try await context.zone(input.zone)
        let group = try await context.instanceGroup(in: zone, input.name)
        let vms = try await context.virtualMachines(zoneID: zone.row.id ?? "")
        return context.instanceGroupView(group, zone: zone.name, vms: vms)
    }
}

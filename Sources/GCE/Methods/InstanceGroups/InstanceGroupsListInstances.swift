import Pipeline

/// `compute.instanceGroups.listInstances` [listInstanceGroups, listVirtualMachines zoneid=…]: `instanceState`
/// `ALL` (the default) or `RUNNING`.
enum InstanceGroupsListInstances: GCEMethod {
    static let id = "compute.instanceGroups.listInstances"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}/listInstances"

    /// The group, the list options and whether only running instances are listed.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let options: ListOptions
        let runningOnly: Bool
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instanceGroup")
        let options = try request.listOptions()
        // libcloud's ex_instancegroup_list_instances posts no body at all: that is the default request.
        let state: String
        if request.body.isEmpty {
            state = "ALL"
        } else {
            state = try request.json().requireObject().string("instanceState", at: "resource.instanceState") ?? "ALL"
        }
        guard state == "ALL" || state == "RUNNING" else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.instanceState': '\(state.prefix(64))'. Must be one of ALL, RUNNING")
        }
        return Input(target: target, options: options, runningOnly: state == "RUNNING")
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> ResourceList<InstanceWithNamedPorts> {
        let zone = try await context.zone(input.target.zone)
        let group = try await context.instanceGroup(in: zone, input.target.name)
        let items = try await context.members(of: group, in: zone).map { vm in
            InstanceWithNamedPorts(instance: context.links.instance(zone.name, vm.name), status: Conversions.status(vm.row.state))
        }
        return try context.list(
            items.filter { !input.runningOnly || $0.status == "RUNNING" }, options: input.options,
            kind: "compute#instanceGroupsListInstances", collection: "zones/\(zone.name)/instanceGroups/\(group.name)/listInstances",
            name: \.instance)
    }
}

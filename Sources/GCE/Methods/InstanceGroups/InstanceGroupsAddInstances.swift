import CloudStack
import Pipeline

/// `compute.instanceGroups.addInstances` [updateVirtualMachine group=`<zone>/<name>` per instance]: every instance
/// must be in the group's zone, and a CloudStack VM is in at most one group, so an instance in another group is
/// a 400 (GCE would let it join both); all are checked before any is moved.
enum InstanceGroupsAddInstances: GCEMethod {
    static let id = "compute.instanceGroups.addInstances"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}/addInstances"

    /// The group and the instance URLs to add.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let instances: [String]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        Input(target: try ZonalResourceInput(request, "instanceGroup"), instances: try instanceReferences(request))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let group = try await context.instanceGroup(in: zone, input.target.name)
        let vms = try await context.groupMembers(input.instances, in: zone)
        for vm in vms where vm.row.groupid != nil && vm.row.groupid != group.row.id {
            throw GCEError.invalid(
                "The instance 'projects/\(context.project)/zones/\(zone.name)/instances/\(vm.name)' is already in instance group "
                    + "'\(vm.row.group ?? "")': a CloudStack instance can be in only one group")
        }
        let groupName = MethodCall.cloudStackGroupName(zone: zone.name, name: group.name)
        for vm in vms where vm.row.groupid != group.row.id {
            _ = try await context.call(CommandTable.updateVirtualMachine, ["id": vm.row.id ?? "", "group": groupName])
        }
        return context.done(.groupAddInstances, target: group.row.id ?? "", scope: .zone(zone.name), targetName: group.name)
    }
}

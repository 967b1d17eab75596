import CloudStack
import Pipeline

/// `compute.instanceGroups.removeInstances` [deleteInstanceGroup, createInstanceGroup, updateVirtualMachine group]:
/// CloudStack 4.18 cannot take one VM out of a group (updateVirtualMachine `group` only moves it to another group,
/// creating that), so the group is made again with the members that stay; its CloudStack id changes, its GCE
/// name does not. Instances named that are not members are ignored, as GCE ignores them.
enum InstanceGroupsRemoveInstances: GCEMethod {
    static let id = "compute.instanceGroups.removeInstances"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}/removeInstances"

    /// The group and the instance URLs to remove.
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
        let leaving = Set(try await context.groupMembers(input.instances, in: zone).compactMap { $0.row.id })
        let members = try await context.members(of: group, in: zone)
        guard members.contains(where: { leaving.contains($0.row.id ?? "") }) else {
            return context.done(.groupRemoveInstances, target: group.row.id ?? "", scope: .zone(zone.name), targetName: group.name)
        }
        let groupName = MethodCall.cloudStackGroupName(zone: zone.name, name: group.name)
        _ = try await context.call(CommandTable.deleteInstanceGroup, ["id": group.row.id ?? ""])
        let remade = try await context.call(CommandTable.createInstanceGroup, ["name": groupName])
        for vm in members where !leaving.contains(vm.row.id ?? "") {
            _ = try await context.call(CommandTable.updateVirtualMachine, ["id": vm.row.id ?? "", "group": groupName])
        }
        return context.done(.groupRemoveInstances, target: remade.id ?? "", scope: .zone(zone.name), targetName: group.name)
    }
}

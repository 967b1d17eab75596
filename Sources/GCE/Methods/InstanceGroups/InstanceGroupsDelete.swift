import CloudStack
import Pipeline

/// `compute.instanceGroups.delete` [deleteInstanceGroup]: as on GCE, the instances stay; they leave the group.
enum InstanceGroupsDelete: GCEMethod {
    static let id = "compute.instanceGroups.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        try ZonalResourceInput(request, "instanceGroup")
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let group = try await context.instanceGroup(in: zone, input.name)
        _ = try await context.call(CommandTable.deleteInstanceGroup, ["id": group.row.id ?? ""])
        return context.done(.groupDelete, target: group.row.id ?? "", scope: .zone(zone.name), targetName: group.name)
    }
}

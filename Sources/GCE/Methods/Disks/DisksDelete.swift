import CloudStack
import Pipeline

/// `compute.disks.delete` [deleteVolume]: a disk attached to an instance is refused, as GCE does.
enum DisksDelete: GCEMethod {
    static let id = "compute.disks.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/zones/{zone}/disks/{disk}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "disk") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let volume = try await context.disk(in: zone, input.name)
        try context.checkNotInUse(volume, zone: zone.name)
        _ = try await context.call(CommandTable.deleteVolume, ["id": volume.row.id ?? ""])
        return context.done(.diskDelete, target: volume.row.id ?? "", scope: .zone(zone.name), targetName: volume.name)
    }
}

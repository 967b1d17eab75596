import Pipeline

/// `compute.disks.get` [listVolumes zoneid=…].
enum DisksGet: GCEMethod {
    static let id = "compute.disks.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/disks/{disk}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "disk") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Disk {
        let zone = try await context.zone(input.zone)
        let volume = try await context.disk(in: zone, input.name)
        let snapshots = try await context.sourceSnapshotNames(of: [volume])
        return Conversions.disk(volume, zone: zone.name, links: context.links, snapshotNames: snapshots)
    }
}

import Pipeline

/// `compute.disks.list` [listVolumes zoneid=…]: read-only, so instances' disk links resolve (libcloud needs them).
enum DisksList: GCEMethod {
    static let id = "compute.disks.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/disks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<Disk> {
        let zone = try await context.zone(input.zone)
        let volumes = try await context.volumes(zoneID: zone.row.id ?? "")
        let snapshots = try await context.sourceSnapshotNames(of: volumes)
        let disks = volumes.map { Conversions.disk($0, zone: zone.name, links: context.links, snapshotNames: snapshots) }
        return try context.list(
            disks, options: input.options, kind: "compute#diskList", collection: "zones/\(zone.name)/disks", name: \.name,
            created: \.creationTimestamp)
    }
}

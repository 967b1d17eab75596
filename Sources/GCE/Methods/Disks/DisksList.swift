import CloudStack
import Pipeline

/// `compute.disks.list` [listVolumes zoneid=… page by page; listSnapshots ids=… for disks made from a snapshot].
enum DisksList: GCEMethod {
    static let id = "compute.disks.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/disks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<Disk> {
        let zone = try await context.zone(input.zone)
        let collection = "zones/\(zone.name)/disks"
        if input.options.followsCloudStackOrder {
            // A page costs the CloudStack pages it needs (issue 16): disks are named from their own volume.
            let (items, next) = try await context.walk(
                CommandTable.listVolumes, ["zoneid": zone.row.id ?? ""], id: \.id, options: input.options, kind: "compute#diskList",
                collection: collection
            ) { (rows: ArraySlice<Volume>) async throws(GCEError) -> [Disk?] in
                try await context.diskItems(rows, zones: [zone]).map { $0?.item }
            }
            return ResourceList(
                kind: "compute#diskList", id: "projects/\(context.project)/\(collection)", items: items, nextPageToken: next,
                selfLink: context.links.collection(collection))
        }
        let volumes = try await context.volumes(zoneID: zone.row.id ?? "")
        let snapshots = try await context.sourceSnapshotNames(of: volumes)
        let disks = volumes.map { Conversions.disk($0, zone: zone.name, links: context.links, snapshotNames: snapshots) }
        return try context.list(
            disks, options: input.options, kind: "compute#diskList", collection: collection, name: \.name,
            created: \.creationTimestamp)
    }
}

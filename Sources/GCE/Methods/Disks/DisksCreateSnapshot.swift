import Pipeline

/// `compute.disks.createSnapshot` [createSnapshot volumeid name tags]: a zonal operation in the disk's zone whose
/// target is the disk, as Google's. `guestFlush=true` is refused: CloudStack 4.18 quiesces only VMware VMs.
enum DisksCreateSnapshot: GCEMethod {
    static let id = "compute.disks.createSnapshot"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/disks/{disk}/createSnapshot"

    /// The disk and the `Snapshot` body.
    struct Input: Sendable {
        let disk: ZonalResourceInput
        let body: SnapshotBody
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let disk = try ZonalResourceInput(request, "disk")
        if let flush = request.query["guestFlush"], flush != "false" {
            throw GCEError.invalid("Invalid value for field 'guestFlush': '\(flush.prefix(16))'. CloudStack 4.18 cannot flush the guest")
        }
        let body = try SnapshotBody(request)
        if let source = body.sourceDisk, source.zone != disk.zone || source.name != disk.name {
            throw GCEError.invalid("Invalid value for field 'resource.sourceDisk': it must name the disk in the path")
        }
        return Input(disk: disk, body: body)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let (zone, volume) = try await context.snapshotSourceDisk(DiskReference(zone: input.disk.zone, name: input.disk.name))
        let created = try await context.createSnapshot(of: volume, input.body)
        return context.started(
            .createSnapshot, job: created.job, target: volume.row.id ?? "", scope: .zone(zone.name), targetName: volume.name)
    }
}

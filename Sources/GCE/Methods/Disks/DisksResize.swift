import CloudStack
import Pipeline

/// `compute.disks.resize` [resizeVolume]: grows a disk; shrinking is refused, as GCE does.
enum DisksResize: GCEMethod {
    static let id = "compute.disks.resize"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/disks/{disk}/resize"

    /// The disk and the `DisksResizeRequest` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let sizeGb: Int64
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "disk")
        let body = try request.json().requireObject()
        guard let sizeGb = try body.int64("sizeGb", at: "sizeGb") else { throw GCEError.required("sizeGb") }
        guard sizeGb >= 1, sizeGb <= DisksInsert.maximumGb else {
            throw GCEError.invalid("Invalid value for field 'sizeGb': '\(sizeGb)'. Must be between 1 and \(DisksInsert.maximumGb) GB")
        }
        return Input(target: target, sizeGb: sizeGb)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let volume = try await context.disk(in: zone, input.target.name)
        let current = ((volume.row.size ?? 0) + (1 << 30) - 1) >> 30
        guard input.sizeGb >= current else {
            throw GCEError.invalid(
                "Invalid value for field 'sizeGb': '\(input.sizeGb)'. New disk size cannot be smaller than the existing size (\(current) GB)."
            )
        }
        let id = volume.row.id ?? ""
        guard input.sizeGb > current else { return context.done(.diskResize, target: id, scope: .zone(zone.name), targetName: volume.name) }
        let receipt = try await context.call(CommandTable.resizeVolume, ["id": id, "size": String(input.sizeGb)])
        return context.started(.diskResize, job: receipt.jobid, target: id, scope: .zone(zone.name), targetName: volume.name)
    }
}

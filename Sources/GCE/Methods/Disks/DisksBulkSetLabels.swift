import CloudStack
import Pipeline

/// `compute.disks.bulkSetLabels` [deleteTags, createTags]: the discovery document names the disk by the `resource`
/// query parameter and gives a `BulkZoneSetLabelsRequest` whose `requests[]` carry labels and a fingerprint but no
/// disk of their own; so `resource` is required and `requests` holds exactly one entry (there is nothing another
/// entry could name). The fingerprint is checked as disks.setLabels checks it.
enum DisksBulkSetLabels: GCEMethod {
    static let id = "compute.disks.bulkSetLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/disks/bulkSetLabels"

    /// The zone, the disk `resource` names and the one `BulkSetLabelsRequest`.
    struct Input: Sendable {
        let zone: String
        let disk: String
        let labelFingerprint: String?
        let labels: [(key: String, value: String)]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let zone = try request.name("zone")
        guard let disk = request.query["resource"], !disk.isEmpty else { throw GCEError.required("resource") }
        guard ResourceNames.isValid(disk) || ResourceID.isNumeric(disk) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource': '\(disk.prefix(128))'. Must be a match of regex "
                    + "'[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?|[1-9][0-9]{0,19}'")
        }
        let body = try request.json().requireObject()
        let requests = try body.array("requests", at: "requests")
        guard let first = requests.first else { throw GCEError.required("requests") }
        guard requests.count == 1 else {
            throw GCEError.invalid(
                "Invalid value for field 'requests[1]': a BulkSetLabelsRequest names no disk; with one 'resource' there is one request")
        }
        let entry = try first.requireObject("requests[0]")
        let labels = try entry.stringMap("labels", at: "requests[0].labels")
        try Labels.validate(labels)
        return Input(
            zone: zone, disk: disk, labelFingerprint: try entry.string("labelFingerprint", at: "requests[0].labelFingerprint"),
            labels: labels)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let volume = try await context.disk(in: zone, input.disk)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: volume.row.tags, on: volume.row.id ?? "",
            type: "Volume", kind: .diskBulkSetLabels, scope: .zone(zone.name), targetName: volume.name)
    }
}

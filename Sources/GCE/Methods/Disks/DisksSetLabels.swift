import CloudStack
import Pipeline

/// `compute.disks.setLabels` [deleteTags, createTags]: labels are the volume's plain CloudStack tags.
enum DisksSetLabels: GCEMethod {
    static let id = "compute.disks.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/disks/{resource}/setLabels"

    /// The disk and the `ZoneSetLabelsRequest` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let labelFingerprint: String?
        let labels: [(key: String, value: String)]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "resource")
        let body = try request.json().requireObject()
        let labels = try body.stringMap("labels", at: "labels")
        try Labels.validate(labels)
        return Input(target: target, labelFingerprint: try body.string("labelFingerprint", at: "labelFingerprint"), labels: labels)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let volume = try await context.disk(in: zone, input.target.name)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: volume.row.tags, on: volume.row.id ?? "",
            type: "Volume", kind: .diskSetLabels, scope: .zone(zone.name), targetName: volume.name)
    }
}

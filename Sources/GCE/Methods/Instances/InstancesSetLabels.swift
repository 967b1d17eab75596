import CloudStack
import Pipeline

/// `compute.instances.setLabels` [deleteTags, createTags]: labels are the VM's plain CloudStack tags.
enum InstancesSetLabels: GCEMethod {
    static let id = "compute.instances.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setLabels"

    /// The instance and the `InstancesSetLabelsRequest` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let labelFingerprint: String?
        let labels: [(key: String, value: String)]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        let labels = try body.stringMap("labels", at: "labels")
        try Labels.validate(labels)
        return Input(target: target, labelFingerprint: try body.string("labelFingerprint", at: "labelFingerprint"), labels: labels)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: vm.row.tags, on: vm.row.id ?? "", type: "UserVm",
            kind: .setLabels, scope: .zone(zone.name), targetName: vm.name)
    }
}

import Pipeline

/// `compute.addresses.setLabels` [deleteTags, createTags]: labels are the public IP's plain CloudStack tags.
enum AddressesSetLabels: GCEMethod {
    static let id = "compute.addresses.setLabels"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/regions/{region}/addresses/{resource}/setLabels"

    /// The address and the `RegionSetLabelsRequest` body.
    struct Input: Sendable {
        let target: RegionalResourceInput
        let labelFingerprint: String?
        let labels: [(key: String, value: String)]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try RegionalResourceInput(request, "resource")
        let body = try request.json().requireObject()
        let labels = try body.stringMap("labels", at: "labels")
        try Labels.validate(labels)
        return Input(target: target, labelFingerprint: try body.string("labelFingerprint", at: "labelFingerprint"), labels: labels)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.target.region)
        let address = try await context.address(input.target.name, region: region.name)
        return try await context.setLabels(
            input.labels, fingerprint: input.labelFingerprint, currentTags: address.row.tags, on: address.row.id ?? "",
            type: "PublicIpAddress", kind: .addressSetLabels, scope: .region(region.name), targetName: address.name)
    }
}

import CloudStack

/// `ResetSnapshotAttribute` [listSnapshots]: `createVolumePermission` is already the default (the
/// snapshot is its account's alone), so resetting it succeeds and changes nothing.
enum ResetSnapshotAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let snapshotId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case snapshotId = "SnapshotId"
            case attribute = "Attribute"
        }
    }

    typealias Output = ReturnView
    static let name = "ResetSnapshotAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        // EC2: "Currently, only the attribute for permission to create volumes can be reset."
        guard input.attribute == "createVolumePermission" else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "createVolumePermission")
        }
        _ = try await SnapshotLookup.require(input.snapshotId, in: context)
        return ReturnView(value: true)
    }
}

import CloudStack

/// `DescribeSnapshotAttribute` [listSnapshots]: `createVolumePermission` and `productCodes`, both
/// always empty (CloudStack 4.18 snapshots belong to their account alone).
enum DescribeSnapshotAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let snapshotId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case snapshotId = "SnapshotId"
            case attribute = "Attribute"
        }
    }

    typealias Output = SnapshotAttributeView
    static let name = "DescribeSnapshotAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard SnapshotAttributeView.names.contains(input.attribute) else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "createVolumePermission or productCodes")
        }
        let (id, _) = try await SnapshotLookup.require(input.snapshotId, in: context)
        return SnapshotAttributeView(snapshotId: id.description, attribute: input.attribute)
    }
}

import CloudStack

/// `DescribeVolumeAttribute` [listVolumes]: `autoEnableIO` is always false (CloudStack never
/// suspends a volume's I/O) and `productCodes` always empty.
enum DescribeVolumeAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeId: String
        let attribute: String
        enum CodingKeys: String, CodingKey {
            case volumeId = "VolumeId"
            case attribute = "Attribute"
        }
    }

    typealias Output = VolumeAttributeView
    static let name = "DescribeVolumeAttribute"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard VolumeAttributeView.names.contains(input.attribute) else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(input.attribute), expected: "autoEnableIO or productCodes")
        }
        let id = try EC2ID.parse(input.volumeId, as: .volume)
        _ = try await VolumeLookup.require(id, in: context)
        return VolumeAttributeView(volumeId: id.description, attribute: input.attribute)
    }
}

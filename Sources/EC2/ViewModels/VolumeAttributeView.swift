/// The DescribeVolumeAttribute answer: the volume id and the one attribute asked for.
struct VolumeAttributeView: TemplateModel {
    let volumeId: String
    let attribute: String

    /// The attribute names of the EC2 model (`VolumeAttributeName`).
    static let names: Set<String> = ["autoEnableIO", "productCodes"]

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "isAutoEnableIO": .bool { $0.attribute == "autoEnableIO" },
        "isProductCodes": .bool { $0.attribute == "productCodes" },
    ]
}

/// botocore shape `DescribeSnapshotAttributeResult`: the snapshot id and the one attribute asked for.
///
/// CloudStack 4.18 snapshots are never shared and have no product codes, so both lists are empty.
struct SnapshotAttributeView: TemplateModel {
    let snapshotId: String
    let attribute: String

    var isCreateVolumePermission: Bool { attribute == "createVolumePermission" }
    var isProductCodes: Bool { attribute == "productCodes" }

    static let templateFields: TemplateFields<Self> = [
        "snapshotId": .string(\.snapshotId),
        "isCreateVolumePermission": .bool(\.isCreateVolumePermission),
        "isProductCodes": .bool(\.isProductCodes),
    ]

    /// The attribute names DescribeSnapshotAttribute accepts (`SnapshotAttributeName` in the EC2 model).
    static let names: Set<String> = ["createVolumePermission", "productCodes"]
}

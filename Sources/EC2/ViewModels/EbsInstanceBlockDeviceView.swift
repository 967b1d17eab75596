/// botocore shape `EbsInstanceBlockDevice`: the root volume of an instance.
struct EbsInstanceBlockDeviceView: TemplateModel {
    let volumeId: String
    let status: String
    let attachTime: String
    let deleteOnTermination: Bool
    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId), "status": .string(\.status), "attachTime": .string(\.attachTime),
        "deleteOnTermination": .bool(\.deleteOnTermination),
    ]
}

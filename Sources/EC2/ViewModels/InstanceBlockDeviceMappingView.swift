/// botocore shape `InstanceBlockDeviceMapping`.
struct InstanceBlockDeviceMappingView: TemplateModel {
    let deviceName: String
    let ebs: EbsInstanceBlockDeviceView?
    static let templateFields: TemplateFields<Self> = ["deviceName": .string(\.deviceName), "ebs": .optional(\.ebs)]
}

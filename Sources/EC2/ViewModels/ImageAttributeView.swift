/// botocore shape `ImageAttribute`: the image id and the one attribute asked for.
struct ImageAttributeView: TemplateModel {
    let imageId: String
    let attribute: String
    var description: String?
    var launchPermission: [LaunchPermissionView] = []
    var volumeSize = 0
    var snapshotId: String?

    var isDescription: Bool { attribute == "description" }
    var isLaunchPermission: Bool { attribute == "launchPermission" }
    var isBlockDeviceMapping: Bool { attribute == "blockDeviceMapping" }
    var isProductCodes: Bool { attribute == "productCodes" }
    var isKernel: Bool { attribute == "kernel" }
    var isRamdisk: Bool { attribute == "ramdisk" }
    var isSriovNetSupport: Bool { attribute == "sriovNetSupport" }
    var isBootMode: Bool { attribute == "bootMode" }

    static let templateFields: TemplateFields<Self> = [
        "imageId": .string(\.imageId),
        "description": .optional(\.description),
        "launchPermission": .list(\.launchPermission),
        "volumeSize": .int(\.volumeSize),
        "snapshotId": .optional(\.snapshotId),
        "rootDeviceName": .string { _ in RootDevice.name },
        "isDescription": .bool(\.isDescription),
        "isLaunchPermission": .bool(\.isLaunchPermission),
        "isBlockDeviceMapping": .bool(\.isBlockDeviceMapping),
        "isProductCodes": .bool(\.isProductCodes),
        "isKernel": .bool(\.isKernel),
        "isRamdisk": .bool(\.isRamdisk),
        "isSriovNetSupport": .bool(\.isSriovNetSupport),
        "isBootMode": .bool(\.isBootMode),
    ]

    /// The attribute names DescribeImageAttribute accepts (`ImageAttributeName` in the EC2 model).
    static let names: Set<String> = [
        "description", "kernel", "ramdisk", "launchPermission", "productCodes", "blockDeviceMapping", "sriovNetSupport",
        "bootMode", "tpmSupport", "uefiData", "lastLaunchedTime", "imdsSupport", "deregistrationProtection",
    ]
}

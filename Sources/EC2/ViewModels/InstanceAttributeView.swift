/// botocore shape `InstanceAttribute`: the instance id and the one attribute asked for.
struct InstanceAttributeView: TemplateModel {
    let instanceId: String
    let attribute: String
    var value: String?
    var groups: [GroupView] = []
    var blockDeviceMapping: [InstanceBlockDeviceMappingView] = []

    var isValueAttribute: Bool { Self.valueAttributes.contains(attribute) }
    var isGroupSet: Bool { attribute == "groupSet" }
    var isBlockDeviceMapping: Bool { attribute == "blockDeviceMapping" }
    var isProductCodes: Bool { attribute == "productCodes" }

    static let templateFields: TemplateFields<Self> = [
        "instanceId": .string(\.instanceId),
        "attribute": .string(\.attribute),
        "value": .optional(\.value),
        "groupSet": .list(\.groups),
        "blockDeviceMapping": .list(\.blockDeviceMapping),
        "isValueAttribute": .bool(\.isValueAttribute),
        "isGroupSet": .bool(\.isGroupSet),
        "isBlockDeviceMapping": .bool(\.isBlockDeviceMapping),
        "isProductCodes": .bool(\.isProductCodes),
    ]

    /// Attributes answered as `<attribute><value>…</value></attribute>` (AttributeValue / AttributeBooleanValue).
    static let valueAttributes: Set<String> = [
        "instanceType", "kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior",
        "rootDeviceName", "sourceDestCheck", "ebsOptimized", "sriovNetSupport", "enaSupport", "disableApiStop",
    ]

    /// Every `InstanceAttributeName` the EC2 model lists.
    static let names: Set<String> = valueAttributes.union(["blockDeviceMapping", "productCodes", "groupSet", "enclaveOptions"])
}

/// botocore shape `InstanceTypeInfo`, from a CloudStack service offering.
struct InstanceTypeInfoView: TemplateModel {
    let instanceType: String
    let vCpus: Int
    let memoryMiB: Int
    let clockSpeedGHz: String

    static let templateFields: TemplateFields<Self> = [
        "instanceType": .string(\.instanceType),
        "defaultVCpus": .int(\.vCpus),
        "sizeInMiB": .int(\.memoryMiB),
        "sustainedClockSpeedInGhz": .string(\.clockSpeedGHz),
    ]
}

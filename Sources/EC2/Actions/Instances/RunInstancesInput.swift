/// RunInstances' wire input: the members the gateway maps to `deployVirtualMachine`.
struct RunInstancesInput: Decodable, Sendable {
    /// `Placement`.
    struct Placement: Decodable, Sendable {
        let availabilityZone: String?
        enum CodingKeys: String, CodingKey { case availabilityZone = "AvailabilityZone" }
    }

    /// `BlockDeviceMapping.N`: only the root volume's size maps to CloudStack.
    struct BlockDevice: Decodable, Sendable {
        struct Ebs: Decodable, Sendable {
            let volumeSize: Int?
            enum CodingKeys: String, CodingKey { case volumeSize = "VolumeSize" }
        }
        let deviceName: String?
        let ebs: Ebs?
        enum CodingKeys: String, CodingKey {
            case deviceName = "DeviceName"
            case ebs = "Ebs"
        }
    }

    let imageId: String
    let instanceType: String?
    let minCount: Int
    let maxCount: Int
    let keyName: String?
    let securityGroups: [String]?
    let securityGroupIds: [String]?
    let userData: Base64Blob?
    let placement: Placement?
    let subnetId: String?
    let privateIpAddress: String?
    let blockDeviceMappings: [BlockDevice]?
    let tagSpecifications: [TagSpecification]?
    let clientToken: String?
    let networkInterfaces: [NetworkInterface]?
    let disableApiTermination: Bool?
    let disableApiStop: Bool?
    let ebsOptimized: Bool?
    let monitoring: Monitoring?
    let instanceInitiatedShutdownBehavior: String?

    enum CodingKeys: String, CodingKey {
        case imageId = "ImageId"
        case instanceType = "InstanceType"
        case minCount = "MinCount"
        case maxCount = "MaxCount"
        case keyName = "KeyName"
        case securityGroups = "SecurityGroup"
        case securityGroupIds = "SecurityGroupId"
        case userData = "UserData"
        case placement = "Placement"
        case subnetId = "SubnetId"
        case privateIpAddress = "PrivateIpAddress"
        case blockDeviceMappings = "BlockDeviceMapping"
        case tagSpecifications = "TagSpecification"
        case clientToken = "ClientToken"
        case networkInterfaces = "NetworkInterface"
        case disableApiTermination = "DisableApiTermination"
        case disableApiStop = "DisableApiStop"
        case ebsOptimized = "EbsOptimized"
        case monitoring = "Monitoring"
        case instanceInitiatedShutdownBehavior = "InstanceInitiatedShutdownBehavior"
    }

    /// The instance tags requested (`ResourceType` `instance` or unspecified), checked.
    func instanceTags() throws(EC2Error) -> [(key: String, value: String)] {
        try TagSpecification.tags(tagSpecifications, for: "instance", allowed: ["instance"])
    }

    /// The root volume size in GiB, if a mapping for the root device (or the only mapping) gives one.
    var rootSizeGiB: Int? {
        let mappings = blockDeviceMappings ?? []
        let root =
            mappings.first { $0.deviceName == RootDevice.name || $0.deviceName == "/dev/xvda" }
            ?? (mappings.count == 1 ? mappings.first : nil)
        return root?.ebs?.volumeSize
    }
}

/// RunInstances' wire input: the members the gateway maps to `deployVirtualMachine`.
struct RunInstancesInput: Decodable, Sendable {
    /// `Placement`.
    struct Placement: Decodable, Sendable {
        let availabilityZone: String?
        /// A placement group by name (deploy `affinitygroupnames`).
        let groupName: String?
        /// A placement group by id, `pg-` + the affinity group's hex (deploy `affinitygroupids`).
        let groupId: String?
        enum CodingKeys: String, CodingKey {
            case availabilityZone = "AvailabilityZone"
            case groupName = "GroupName"
            case groupId = "GroupId"
        }
    }

    /// `BlockDeviceMapping.N`: the root volume's size, and data volumes created and attached at launch
    /// (`LaunchVolumes`); members CloudStack cannot honour are refused there by name.
    struct BlockDevice: Decodable, Sendable {
        /// `Ebs`.
        struct Ebs: Decodable, Sendable {
            let volumeSize: Int?
            let deleteOnTermination: Bool?
            let snapshotId: String?
            let volumeType: String?
            let iops: Int?
            let throughput: Int?
            let encrypted: Bool?
            let kmsKeyId: String?
            let outpostArn: String?
            let availabilityZone: String?
            let availabilityZoneId: String?
            let volumeInitializationRate: Int?
            let ebsCardIndex: Int?
            enum CodingKeys: String, CodingKey {
                case volumeSize = "VolumeSize"
                case deleteOnTermination = "DeleteOnTermination"
                case snapshotId = "SnapshotId"
                case volumeType = "VolumeType"
                case iops = "Iops"
                case throughput = "Throughput"
                case encrypted = "Encrypted"
                case kmsKeyId = "KmsKeyId"
                case outpostArn = "OutpostArn"
                case availabilityZone = "AvailabilityZone"
                case availabilityZoneId = "AvailabilityZoneId"
                case volumeInitializationRate = "VolumeInitializationRate"
                case ebsCardIndex = "EbsCardIndex"
            }
        }
        let deviceName: String?
        let ebs: Ebs?
        let noDevice: String?
        let virtualName: String?
        enum CodingKeys: String, CodingKey {
            case deviceName = "DeviceName"
            case ebs = "Ebs"
            case noDevice = "NoDevice"
            case virtualName = "VirtualName"
        }

        /// Whether this mapping is for the root device (`/dev/sda1`, `/dev/sda` or `/dev/xvda`).
        var isRoot: Bool { deviceName.map { (try? DeviceName.deviceID($0)) == 0 } ?? false }
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
        try TagSpecification.tags(tagSpecifications, for: "instance", allowed: ["instance", "volume"])
    }

    /// The tags for the instances' volumes (`ResourceType` `volume`), root and data alike; a
    /// specification without a type is the instance's.
    func volumeTags() throws(EC2Error) -> [(key: String, value: String)] {
        try TagSpecification.tags(tagSpecifications?.filter { $0.resourceType == "volume" }, for: "volume", allowed: ["volume"])
    }

    /// The root volume size in GiB, if the mapping for the root device gives one.
    var rootSizeGiB: Int? { (blockDeviceMappings ?? []).first(where: \.isRoot)?.ebs?.volumeSize }
}

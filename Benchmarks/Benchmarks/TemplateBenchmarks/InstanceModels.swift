import EC2

// DescribeInstances view models for the benchmark, shaped like the ones the action will use:
// plain structs whose template names are botocore's locationNames.

struct DescribeInstancesModel: TemplateModel {
    var reservationSet: [ReservationModel]
    var nextToken: String?

    static let templateFields: TemplateFields<Self> = [
        "reservationSet": .list(\.reservationSet),
        "nextToken": .optional(\.nextToken),
    ]
}

struct ReservationModel: TemplateModel {
    var reservationId: String
    var ownerId: String
    var groupSet: [GroupModel]
    var instancesSet: [InstanceModel]

    static let templateFields: TemplateFields<Self> = [
        "reservationId": .string(\.reservationId), "ownerId": .string(\.ownerId),
        "groupSet": .list(\.groupSet), "instancesSet": .list(\.instancesSet),
    ]
}

struct GroupModel: TemplateModel {
    var groupId: String
    var groupName: String
    static let templateFields: TemplateFields<Self> = ["groupId": .string(\.groupId), "groupName": .string(\.groupName)]
}

struct TagModel: TemplateModel {
    var key: String
    var value: String
    static let templateFields: TemplateFields<Self> = ["key": .string(\.key), "value": .string(\.value)]
}

struct StateModel: TemplateModel {
    var code: Int
    var name: String
    static let templateFields: TemplateFields<Self> = ["code": .int(\.code), "name": .string(\.name)]
}

struct ProductCodeModel: TemplateModel {
    var productCode: String
    var type: String
    static let templateFields: TemplateFields<Self> = ["productCode": .string(\.productCode), "type": .string(\.type)]
}

struct PlacementModel: TemplateModel {
    var availabilityZone: String
    var tenancy: String
    static let templateFields: TemplateFields<Self> = [
        "availabilityZone": .string(\.availabilityZone), "tenancy": .string(\.tenancy),
    ]
}

struct MonitoringModel: TemplateModel {
    var state: String
    static let templateFields: TemplateFields<Self> = ["state": .string(\.state)]
}

struct EBSModel: TemplateModel {
    var volumeId: String
    var status: String
    var attachTime: String
    var deleteOnTermination: Bool
    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId), "status": .string(\.status),
        "attachTime": .string(\.attachTime), "deleteOnTermination": .bool(\.deleteOnTermination),
    ]
}

struct BlockDeviceModel: TemplateModel {
    var deviceName: String
    var ebs: EBSModel?
    static let templateFields: TemplateFields<Self> = ["deviceName": .string(\.deviceName), "ebs": .optional(\.ebs)]
}

struct InstanceModel: TemplateModel {
    var instanceId: String
    var imageId: String
    var instanceState: StateModel
    var privateDnsName: String
    var dnsName: String
    var reason: String
    var keyName: String?
    var amiLaunchIndex: Int
    var productCodes: [ProductCodeModel]
    var instanceType: String
    var launchTime: String
    var placement: PlacementModel
    var monitoring: MonitoringModel
    var subnetId: String?
    var vpcId: String?
    var privateIpAddress: String?
    var ipAddress: String?
    var groupSet: [GroupModel]
    var architecture: String
    var rootDeviceType: String
    var rootDeviceName: String?
    var blockDeviceMapping: [BlockDeviceModel]
    var virtualizationType: String
    var tagSet: [TagModel]
    var hypervisor: String

    static let templateFields: TemplateFields<Self> = [
        "instanceId": .string(\.instanceId), "imageId": .string(\.imageId),
        "instanceState": .object(\.instanceState), "privateDnsName": .string(\.privateDnsName),
        "dnsName": .string(\.dnsName), "reason": .string(\.reason), "keyName": .optional(\.keyName),
        "amiLaunchIndex": .int(\.amiLaunchIndex), "productCodes": .list(\.productCodes),
        "instanceType": .string(\.instanceType), "launchTime": .string(\.launchTime),
        "placement": .object(\.placement), "monitoring": .object(\.monitoring),
        "subnetId": .optional(\.subnetId), "vpcId": .optional(\.vpcId),
        "privateIpAddress": .optional(\.privateIpAddress), "ipAddress": .optional(\.ipAddress),
        "groupSet": .list(\.groupSet), "architecture": .string(\.architecture),
        "rootDeviceType": .string(\.rootDeviceType), "rootDeviceName": .optional(\.rootDeviceName),
        "blockDeviceMapping": .list(\.blockDeviceMapping), "virtualizationType": .string(\.virtualizationType),
        "tagSet": .list(\.tagSet), "hypervisor": .string(\.hypervisor),
    ]
}

extension DescribeInstancesModel {
    /// `count` typical CloudStack-backed instances, one reservation each (as CloudStack VMs map).
    static func sample(instances count: Int) -> DescribeInstancesModel {
        let reservations = (0..<count).map { index in
            ReservationModel(
                reservationId: "r-\(index)", ownerId: "admin", groupSet: [],
                instancesSet: [InstanceModel.sample(index)])
        }
        return DescribeInstancesModel(reservationSet: reservations, nextToken: nil)
    }
}

extension InstanceModel {
    static func sample(_ index: Int) -> InstanceModel {
        InstanceModel(
            instanceId: "i-\(String(index, radix: 16))7a3b2c1d0e9f", imageId: "ami-7f2e1d3c",
            instanceState: StateModel(code: 16, name: "running"),
            privateDnsName: "vm-\(index).cs.internal", dnsName: "", reason: "", keyName: "deploy-key",
            amiLaunchIndex: 0, productCodes: [], instanceType: "m1.small",
            launchTime: "2026-11-20T10:00:00.000Z",
            placement: PlacementModel(availabilityZone: "zone1", tenancy: "default"),
            monitoring: MonitoringModel(state: "disabled"), subnetId: "subnet-4f1a", vpcId: "vpc-1",
            privateIpAddress: "10.1.1.\(index % 250)", ipAddress: "198.51.100.\(index % 250)",
            groupSet: [GroupModel(groupId: "sg-1a2b", groupName: "default")],
            architecture: "x86_64", rootDeviceType: "ebs", rootDeviceName: "/dev/sda1",
            blockDeviceMapping: [
                BlockDeviceModel(
                    deviceName: "/dev/sda1",
                    ebs: EBSModel(
                        volumeId: "vol-\(index)", status: "attached", attachTime: "2026-11-20T10:00:00.000Z", deleteOnTermination: true))
            ],
            virtualizationType: "hvm",
            tagSet: [TagModel(key: "Name", value: "web-\(index)"), TagModel(key: "team", value: "R&D <ops>")],
            hypervisor: "xen")
    }
}

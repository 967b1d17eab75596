import EC2

// View models used only by the template tests: the real ones come with the actions. Field names
// are the botocore locationNames so the templates read like the wire format.

struct TemplatesDescribeInstances: TemplateModel {
    var reservationSet: [TemplatesReservation]
    var nextToken: String?

    static let templateFields: TemplateFields<Self> = [
        "reservationSet": .list(\.reservationSet),
        "nextToken": .optional(\.nextToken),
    ]
}

struct TemplatesReservation: TemplateModel {
    var reservationId: String
    var ownerId: String
    var groupSet: [TemplatesGroup]
    var instancesSet: [TemplatesInstance]

    static let templateFields: TemplateFields<Self> = [
        "reservationId": .string(\.reservationId),
        "ownerId": .string(\.ownerId),
        "groupSet": .list(\.groupSet),
        "instancesSet": .list(\.instancesSet),
    ]
}

struct TemplatesGroup: TemplateModel {
    var groupId: String
    var groupName: String

    static let templateFields: TemplateFields<Self> = [
        "groupId": .string(\.groupId),
        "groupName": .string(\.groupName),
    ]
}

struct TemplatesTag: TemplateModel {
    var key: String
    var value: String

    static let templateFields: TemplateFields<Self> = ["key": .string(\.key), "value": .string(\.value)]
}

struct TemplatesState: TemplateModel {
    var code: Int
    var name: String

    static let templateFields: TemplateFields<Self> = ["code": .int(\.code), "name": .string(\.name)]
}

struct TemplatesProductCode: TemplateModel {
    var productCode: String
    var type: String

    static let templateFields: TemplateFields<Self> = ["productCode": .string(\.productCode), "type": .string(\.type)]
}

struct TemplatesPlacement: TemplateModel {
    var availabilityZone: String
    var tenancy: String

    static let templateFields: TemplateFields<Self> = [
        "availabilityZone": .string(\.availabilityZone),
        "tenancy": .string(\.tenancy),
    ]
}

struct TemplatesMonitoring: TemplateModel {
    var state: String

    static let templateFields: TemplateFields<Self> = ["state": .string(\.state)]
}

struct TemplatesEBS: TemplateModel {
    var volumeId: String
    var status: String
    var attachTime: String
    var deleteOnTermination: Bool

    static let templateFields: TemplateFields<Self> = [
        "volumeId": .string(\.volumeId),
        "status": .string(\.status),
        "attachTime": .string(\.attachTime),
        "deleteOnTermination": .bool(\.deleteOnTermination),
    ]
}

struct TemplatesBlockDevice: TemplateModel {
    var deviceName: String
    var ebs: TemplatesEBS?

    static let templateFields: TemplateFields<Self> = ["deviceName": .string(\.deviceName), "ebs": .optional(\.ebs)]
}

struct TemplatesInstance: TemplateModel {
    var instanceId: String
    var imageId: String
    var instanceState: TemplatesState
    var privateDnsName: String
    var dnsName: String
    var reason: String
    var keyName: String?
    var amiLaunchIndex: Int
    var productCodes: [TemplatesProductCode]
    var instanceType: String
    var launchTime: String
    var placement: TemplatesPlacement
    var monitoring: TemplatesMonitoring
    var subnetId: String?
    var vpcId: String?
    var privateIpAddress: String?
    var ipAddress: String?
    var groupSet: [TemplatesGroup]
    var architecture: String
    var rootDeviceType: String
    var rootDeviceName: String?
    var blockDeviceMapping: [TemplatesBlockDevice]
    var virtualizationType: String
    var tagSet: [TemplatesTag]
    var hypervisor: String

    static let templateFields: TemplateFields<Self> = [
        "instanceId": .string(\.instanceId),
        "imageId": .string(\.imageId),
        "instanceState": .object(\.instanceState),
        "privateDnsName": .string(\.privateDnsName),
        "dnsName": .string(\.dnsName),
        "reason": .string(\.reason),
        "keyName": .optional(\.keyName),
        "amiLaunchIndex": .int(\.amiLaunchIndex),
        "productCodes": .list(\.productCodes),
        "instanceType": .string(\.instanceType),
        "launchTime": .string(\.launchTime),
        "placement": .object(\.placement),
        "monitoring": .object(\.monitoring),
        "subnetId": .optional(\.subnetId),
        "vpcId": .optional(\.vpcId),
        "privateIpAddress": .optional(\.privateIpAddress),
        "ipAddress": .optional(\.ipAddress),
        "groupSet": .list(\.groupSet),
        "architecture": .string(\.architecture),
        "rootDeviceType": .string(\.rootDeviceType),
        "rootDeviceName": .optional(\.rootDeviceName),
        "blockDeviceMapping": .list(\.blockDeviceMapping),
        "virtualizationType": .string(\.virtualizationType),
        "tagSet": .list(\.tagSet),
        "hypervisor": .string(\.hypervisor),
    ]

    /// A fully populated instance whose values differ per `index`, with characters that need escaping.
    static func sample(_ index: Int) -> TemplatesInstance {
        TemplatesInstance(
            instanceId: "i-\(String(index, radix: 16))0000000000000000",
            imageId: "ami-0abc\(index)",
            instanceState: TemplatesState(code: 16, name: "running"),
            privateDnsName: "ip-10-1-0-\(index).ec2.internal",
            dnsName: "",
            reason: "",
            keyName: index.isMultiple(of: 2) ? "key <\(index)> & 'quoted' \"name\"" : nil,
            amiLaunchIndex: index,
            productCodes: [TemplatesProductCode(productCode: "pc-\(index)", type: "marketplace")],
            instanceType: "t2.micro",
            launchTime: "2026-11-2\(index % 10)T10:00:0\(index % 10).000Z",
            placement: TemplatesPlacement(availabilityZone: "zone-\(index % 3)", tenancy: "default"),
            monitoring: TemplatesMonitoring(state: "disabled"),
            subnetId: "subnet-\(index)",
            vpcId: "vpc-1",
            privateIpAddress: "10.1.0.\(index % 250)",
            ipAddress: index.isMultiple(of: 3) ? nil : "198.51.100.\(index % 250)",
            groupSet: [TemplatesGroup(groupId: "sg-\(index)", groupName: "default")],
            architecture: "x86_64",
            rootDeviceType: "ebs",
            rootDeviceName: "/dev/sda1",
            blockDeviceMapping: [
                TemplatesBlockDevice(
                    deviceName: "/dev/sda1",
                    ebs: TemplatesEBS(volumeId: "vol-\(index)", status: "attached", attachTime: "2026-11-20T10:00:00.000Z", deleteOnTermination: true)),
                TemplatesBlockDevice(deviceName: "/dev/sdb", ebs: nil),
            ],
            virtualizationType: "hvm",
            tagSet: [TemplatesTag(key: "Name", value: "vm \(index) — ünïcødé ✓"), TemplatesTag(key: "env", value: "a<b&c>d")],
            hypervisor: "xen"
        )
    }
}

extension TemplatesDescribeInstances {
    /// `count` instances spread over reservations of up to four.
    static func sample(instances count: Int, nextToken: String? = nil) -> TemplatesDescribeInstances {
        var reservations: [TemplatesReservation] = []
        var index = 0
        while index < count {
            let group = (index..<min(index + 4, count)).map(TemplatesInstance.sample)
            reservations.append(
                TemplatesReservation(
                    reservationId: "r-\(index)", ownerId: "123456789012",
                    groupSet: [TemplatesGroup(groupId: "sg-r\(index)", groupName: "web")], instancesSet: group))
            index += 4
        }
        return TemplatesDescribeInstances(reservationSet: reservations, nextToken: nextToken)
    }
}

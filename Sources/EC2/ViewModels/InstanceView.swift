/// botocore shape `Instance`, as the `Instance` partial writes it.
struct InstanceView: TemplateModel {
    var instanceId: String
    var imageId: String
    var instanceState: InstanceStateView
    var privateDnsName: String
    var dnsName: String
    var reason: String
    var keyName: String?
    var amiLaunchIndex: Int
    var productCodes: [ProductCodeView] = []
    var instanceType: String
    var launchTime: String
    var placement: PlacementView
    var monitoring = MonitoringView(state: "disabled")
    var subnetId: String?
    var vpcId: String?
    var privateIpAddress: String?
    var ipAddress: String?
    var groupSet: [GroupView]
    var architecture = "x86_64"
    var rootDeviceType = "ebs"
    var rootDeviceName: String? = RootDevice.name
    var blockDeviceMapping: [InstanceBlockDeviceMappingView]
    var virtualizationType = "hvm"
    var tagSet: [TagView]
    var hypervisor = "xen"
    var networkInterfaceSet: [NetworkInterfaceView] = []
    // Not rendered: what reservations, filters and state changes need.
    var reservationId: String
    var ownerId: String
    var clientToken: String?
    var cloudStackState: String

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
        "networkInterfaceSet": .list(\.networkInterfaceSet),
    ]
}

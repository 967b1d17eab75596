/// botocore shapes `NetworkInterface` (DescribeNetworkInterfaces) and `InstanceNetworkInterface` (an
/// instance's `networkInterfaceSet`): one CloudStack NIC; each partial writes the members its shape has.
struct NetworkInterfaceView: TemplateModel {
    var networkInterfaceId: String
    var subnetId: String
    var vpcId: String
    var availabilityZone: String
    var description = ""
    var ownerId: String
    var requesterManaged = false
    /// `NetworkInterfaceStatus`: a CloudStack NIC exists only on its VM, so it is always `in-use`.
    var status = "in-use"
    var macAddress: String
    var privateIpAddress: String
    var privateDnsName: String?
    var sourceDestCheck = true
    var groupSet: [GroupView]
    var attachment: NetworkInterfaceAttachmentView
    var association: NetworkInterfaceAssociationView?
    var privateIpAddressesSet: [PrivateIpAddressView]
    var tagSet: [TagView] = []
    var interfaceType = "interface"
    // Not rendered: what filters and the actions need.
    var cloudStackNicID: String
    var cloudStackVMID: String
    var isDefault: Bool

    static let templateFields: TemplateFields<Self> = [
        "networkInterfaceId": .string(\.networkInterfaceId),
        "subnetId": .string(\.subnetId),
        "vpcId": .string(\.vpcId),
        "availabilityZone": .string(\.availabilityZone),
        "description": .string(\.description),
        "ownerId": .string(\.ownerId),
        "requesterManaged": .bool(\.requesterManaged),
        "status": .string(\.status),
        "macAddress": .string(\.macAddress),
        "privateIpAddress": .string(\.privateIpAddress),
        "privateDnsName": .optional(\.privateDnsName),
        "sourceDestCheck": .bool(\.sourceDestCheck),
        "groupSet": .list(\.groupSet),
        "attachment": .object(\.attachment),
        "association": .optional(\.association),
        "privateIpAddressesSet": .list(\.privateIpAddressesSet),
        "tagSet": .list(\.tagSet),
        "interfaceType": .string(\.interfaceType),
    ]
}

/// botocore shapes `NetworkInterfaceAttachment` / `InstanceNetworkInterfaceAttachment`.
struct NetworkInterfaceAttachmentView: TemplateModel {
    var attachmentId: String
    var instanceId: String
    var instanceOwnerId: String
    var deviceIndex: Int
    var status = "attached"
    var attachTime: String
    var deleteOnTermination = true

    static let templateFields: TemplateFields<Self> = [
        "attachmentId": .string(\.attachmentId),
        "instanceId": .string(\.instanceId),
        "instanceOwnerId": .string(\.instanceOwnerId),
        "deviceIndex": .int(\.deviceIndex),
        "status": .string(\.status),
        "attachTime": .string(\.attachTime),
        "deleteOnTermination": .bool(\.deleteOnTermination),
    ]
}

/// botocore shapes `NetworkInterfaceAssociation` / `InstanceNetworkInterfaceAssociation`: the Elastic IP
/// whose static NAT rule points at the address.
struct NetworkInterfaceAssociationView: TemplateModel {
    var publicIp: String
    var ipOwnerId: String
    var allocationId: String?
    var associationId: String?

    static let templateFields: TemplateFields<Self> = [
        "publicIp": .string(\.publicIp),
        "ipOwnerId": .string(\.ipOwnerId),
        "allocationId": .optional(\.allocationId),
        "associationId": .optional(\.associationId),
    ]
}

/// botocore shapes `NetworkInterfacePrivateIpAddress` / `InstancePrivateIpAddress`.
struct PrivateIpAddressView: TemplateModel {
    var privateIpAddress: String
    var primary: Bool
    var privateDnsName: String?
    var association: NetworkInterfaceAssociationView?

    static let templateFields: TemplateFields<Self> = [
        "privateIpAddress": .string(\.privateIpAddress),
        "primary": .bool(\.primary),
        "privateDnsName": .optional(\.privateDnsName),
        "association": .optional(\.association),
    ]
}

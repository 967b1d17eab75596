import CloudStack

/// botocore shape `Address`, from a CloudStack public IP address (source NAT addresses are not Elastic IPs).
struct AddressView: TemplateModel {
    let publicIp: String
    let allocationId: String
    let associationId: String?
    let instanceId: String?
    let privateIpAddress: String?
    let networkInterfaceId: String?
    let networkInterfaceOwnerId: String?
    let networkBorderGroup: String
    let tagSet: [TagView]

    static let templateFields: TemplateFields<Self> = [
        "publicIp": .string(\.publicIp),
        "allocationId": .string(\.allocationId),
        "associationId": .optional(\.associationId),
        "instanceId": .optional(\.instanceId),
        "privateIpAddress": .optional(\.privateIpAddress),
        "networkInterfaceId": .optional(\.networkInterfaceId),
        "networkInterfaceOwnerId": .optional(\.networkInterfaceOwnerId),
        "networkBorderGroup": .string(\.networkBorderGroup),
        "tagSet": .list(\.tagSet),
    ]

    /// `interface` is the NIC the static NAT rule points at (`eni-` id), when the caller's VM list shows it.
    init?(_ address: PublicIPAddress, region: String, interface: EC2ID? = nil) {
        guard let ip = address.ipaddress, let id = address.id.flatMap({ EC2ID(kind: .allocation, cloudStackUUID: $0) }) else { return nil }
        publicIp = ip
        allocationId = id.description
        let vm = address.isstaticnat == true ? address.virtualmachineid.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) } : nil
        instanceId = vm?.description
        // A static NAT association has no id of its own in CloudStack; it is named after the address.
        associationId = vm == nil ? nil : ResourceKind.association.prefix + id.hex
        privateIpAddress = vm == nil ? nil : address.vmipaddress
        networkInterfaceId = vm == nil ? nil : interface?.description
        networkInterfaceOwnerId = networkInterfaceId == nil ? nil : address.account
        networkBorderGroup = region
        tagSet = TagMapping.views(address.tags)
    }
}

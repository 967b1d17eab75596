import CloudStack

/// botocore shape `Address`, from a CloudStack public IP address (source NAT addresses are not Elastic IPs).
struct AddressView: TemplateModel {
    let publicIp: String
    let allocationId: String
    let associationId: String?
    let instanceId: String?
    let privateIpAddress: String?
    let tagSet: [TagView]

    static let templateFields: TemplateFields<Self> = [
        "publicIp": .string(\.publicIp),
        "allocationId": .string(\.allocationId),
        "associationId": .optional(\.associationId),
        "instanceId": .optional(\.instanceId),
        "privateIpAddress": .optional(\.privateIpAddress),
        "tagSet": .list(\.tagSet),
    ]

    init?(_ address: PublicIPAddress) {
        guard let ip = address.ipaddress, let id = address.id.flatMap({ EC2ID(kind: .allocation, cloudStackUUID: $0) }) else { return nil }
        publicIp = ip
        allocationId = id.description
        let vm = address.isstaticnat == true ? address.virtualmachineid.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) } : nil
        instanceId = vm?.description
        // A static NAT association has no id of its own in CloudStack; it is named after the address.
        associationId = vm == nil ? nil : ResourceKind.association.prefix + id.hex
        privateIpAddress = vm == nil ? nil : address.vmipaddress
        tagSet = TagMapping.views(address.tags)
    }
}

import CloudStack

/// `ModifyNetworkInterfaceAttribute` [listVirtualMachines, updateVirtualMachine securitygroupids]: one
/// attribute per call, as EC2 takes it.
///
/// - `SecurityGroupId.N`: CloudStack's security groups belong to the VM, not to one NIC, so the groups
///   of the interface's instance (all its interfaces) are replaced, which CloudStack 4.18 does only for a
///   stopped VM: a running one is `IncorrectInstanceState` (the bridge does not stop a VM on its own), and
///   a network without security groups (a VPC tier, an isolated network) is `UnsupportedOperation`.
/// - `SourceDestCheck.Value=true`, `Description.Value` empty and `Attachment.DeleteOnTermination=true`
///   are what a CloudStack NIC always has: accepted, nothing to call. Their other values,
///   `AssociatePublicIpAddress` and the ENA, connection-tracking, IPv6 and subnet members are refused
///   naming the member.
enum ModifyNetworkInterfaceAttribute: EC2Action {
    /// `NetworkInterfaceAttachmentChanges`.
    struct AttachmentChanges: Decodable, Sendable {
        let attachmentId: String?
        let deleteOnTermination: Bool?
        enum CodingKeys: String, CodingKey {
            case attachmentId = "AttachmentId"
            case deleteOnTermination = "DeleteOnTermination"
        }
    }

    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceId: String?
        let groups: [String]?
        let sourceDestCheck: BooleanValueInput?
        let description: AttributeValueInput?
        let attachment: AttachmentChanges?
        let associatePublicIpAddress: Bool?
        let enablePrimaryIpv6: Bool?
        let associatedSubnetIds: [String]?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceId = "NetworkInterfaceId"
            case groups = "SecurityGroupId"
            case sourceDestCheck = "SourceDestCheck"
            case description = "Description"
            case attachment = "Attachment"
            case associatePublicIpAddress = "AssociatePublicIpAddress"
            case enablePrimaryIpv6 = "EnablePrimaryIpv6"
            case associatedSubnetIds = "AssociatedSubnetId"
        }
    }

    static let name = "ModifyNetworkInterfaceAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkInterfaceId else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        _ = try EC2ID.parse(id, as: .networkInterface)
        let given = [
            input.groups != nil, input.sourceDestCheck != nil, input.description != nil, input.attachment != nil,
            input.associatePublicIpAddress != nil, input.enablePrimaryIpv6 != nil, input.associatedSubnetIds != nil,
        ].filter { $0 }.count
        guard given == 1 else {
            throw given == 0
                ? EC2Error.missingParameter("SecurityGroupId, SourceDestCheck, Description or Attachment")
                : EC2Error.invalidParameterCombination("Fields for multiple attribute types specified")
        }
        func refuse(_ member: String, _ reason: String) -> EC2Error {
            EC2Error.unsupportedOperation("\(member) cannot be honoured: \(reason).")
        }
        if input.associatePublicIpAddress != nil {
            throw refuse("AssociatePublicIpAddress", "an Elastic IP is associated with AssociateAddress (a CloudStack static NAT rule)")
        }
        if input.enablePrimaryIpv6 != nil { throw refuse("EnablePrimaryIpv6", "the bridge maps IPv4 networks only") }
        if input.associatedSubnetIds != nil { throw refuse("AssociatedSubnetId", "a CloudStack NIC is on exactly one network") }
        if let groups = input.groups {
            guard !groups.isEmpty else { throw EC2Error.missingParameter("SecurityGroupId.1") }
            for group in groups { _ = try EC2ID.parse(group, as: .securityGroup) }
        }
        if let check = input.sourceDestCheck {
            guard let value = check.value else { throw EC2Error.missingParameter("SourceDestCheck.Value") }
            if !value { throw refuse("SourceDestCheck.Value=false", "CloudStack always checks a NIC's source and destination") }
        }
        if let description = input.description, let value = description.value, !value.isEmpty {
            throw refuse("Description.Value", "a CloudStack NIC has no description")
        }
        if let attachment = input.attachment {
            guard let id = attachment.attachmentId else { throw EC2Error.missingParameter("Attachment.AttachmentId") }
            _ = try EC2ID.parse(id, as: .networkInterfaceAttachment)
            if attachment.deleteOnTermination == false {
                throw refuse("Attachment.DeleteOnTermination=false", "a CloudStack NIC goes with its VM")
            }
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> ReturnView {
        let (vm, nic) = try await NetworkInterfaceLookup.require(id: input.networkInterfaceId, in: context)
        if let attachment = input.attachment?.attachmentId,
            try EC2ID.parse(attachment, as: .networkInterfaceAttachment).cloudStackUUID != nic.id
        {
            throw EC2Error.notFound(.networkInterfaceAttachment, ids: [attachment])
        }
        if let groups = input.groups, let vmID = vm.id, let instance = EC2ID(kind: .instance, cloudStackUUID: vmID) {
            var parsed: [EC2ID] = []
            for group in groups { parsed.append(try EC2ID.parse(group, as: .securityGroup)) }
            try await ModifyInstanceAttribute.replaceGroups(
                of: vm, id: instance, with: parsed, instanceID: instance.description, in: context)
        }
        return ReturnView(value: true)
    }
}

import CloudStack

/// Builds EC2 network interface views from a CloudStack VM's NICs (decision 0009 §10).
///
/// Every view of an interface comes from here, so an instance's `networkInterfaceSet` and
/// DescribeNetworkInterfaces agree: `eni-` + the NIC's UUID, `eni-attach-` + the same for its attachment,
/// the device index in NIC order with the default NIC 0, the VM's security groups (CloudStack's groups
/// are per VM, so every NIC has them), and the NIC's secondary IPs after its primary address.
enum NetworkInterfaceMapping {
    /// An Elastic IP's static NAT rule, keyed by the VM and guest address it points at.
    struct Association: Sendable {
        let publicIp: String
        let ownerId: String
        let allocationId: String?
        let associationId: String?
    }

    /// The VM's NICs in EC2 device order: the default NIC first, then by CloudStack device id.
    static func orderedNics(_ vm: VirtualMachine) -> [Nic] {
        vm.nic.sorted { a, b in
            let (da, db) = (a.isdefault == true, b.isdefault == true)
            if da != db { return da }
            return (a.deviceid.flatMap { Int($0) } ?? Int.max) < (b.deviceid.flatMap { Int($0) } ?? Int.max)
        }
    }

    /// The views of every NIC of `vm`. `associations` maps `vmID/guestIP` to the Elastic IP NATed there
    /// (DescribeNetworkInterfaces reads them from listPublicIpAddresses); without it the VM's own
    /// `publicip` is shown on its default NIC's primary address, which needs no other call.
    /// `groups` are the VM's security groups when the caller has them already (the instance view does).
    static func views(
        _ vm: VirtualMachine, associations: [String: Association]? = nil, groups known: [GroupView]? = nil
    ) -> [NetworkInterfaceView] {
        guard let vmID = vm.id, let instance = EC2ID(kind: .instance, cloudStackUUID: vmID) else { return [] }
        let groups = known ?? groupViews(vm)
        let owner = vm.account ?? ""
        let attachTime = CloudStackTime.ec2(vm.created)
        var result: [NetworkInterfaceView] = []
        for (index, nic) in orderedNics(vm).enumerated() {
            guard let nicID = nic.id, let eni = EC2ID.networkInterface(nic),
                let attachment = EC2ID(kind: .networkInterfaceAttachment, cloudStackUUID: nicID),
                let primary = nic.ipaddress
            else { continue }
            let isDefault = nic.isdefault == true
            func association(of address: String, primary: Bool) -> NetworkInterfaceAssociationView? {
                if let associations {
                    return associations[vmID + "/" + address].map {
                        NetworkInterfaceAssociationView(
                            publicIp: $0.publicIp, ipOwnerId: $0.ownerId, allocationId: $0.allocationId, associationId: $0.associationId)
                    }
                }
                guard primary, isDefault, let ip = vm.publicip else { return nil }
                return NetworkInterfaceAssociationView(publicIp: ip, ipOwnerId: owner)
            }
            let dnsName = isDefault ? vm.name : nil
            var addresses = [
                PrivateIpAddressView(
                    privateIpAddress: primary, primary: true, privateDnsName: dnsName, association: association(of: primary, primary: true))
            ]
            for secondary in nic.secondaryip {
                guard let ip = secondary.ipaddress else { continue }
                addresses.append(
                    PrivateIpAddressView(privateIpAddress: ip, primary: false, association: association(of: ip, primary: false)))
            }
            result.append(
                NetworkInterfaceView(
                    networkInterfaceId: eni.description,
                    subnetId: nic.networkid.flatMap { EC2ID(kind: .subnet, cloudStackUUID: $0)?.description } ?? "",
                    vpcId: vpcID(of: nic),
                    availabilityZone: vm.zonename ?? "",
                    ownerId: owner,
                    macAddress: nic.macaddress ?? "",
                    privateIpAddress: primary,
                    privateDnsName: dnsName,
                    groupSet: groups,
                    attachment: NetworkInterfaceAttachmentView(
                        attachmentId: attachment.description, instanceId: instance.description, instanceOwnerId: owner,
                        deviceIndex: index, attachTime: attachTime),
                    association: addresses.first?.association,
                    privateIpAddressesSet: addresses,
                    cloudStackNicID: nicID,
                    cloudStackVMID: vmID,
                    isDefault: isDefault))
        }
        return result
    }

    /// The VM's security groups as EC2 group identifiers.
    static func groupViews(_ vm: VirtualMachine) -> [GroupView] {
        vm.securitygroup.compactMap { group -> GroupView? in
            guard let gid = group.id.flatMap({ EC2ID(kind: .securityGroup, cloudStackUUID: $0) }) else { return nil }
            return GroupView(groupId: gid.description, groupName: group.name ?? "")
        }
    }

    /// The NIC's VPC: its CloudStack VPC, or the synthetic default VPC for a network outside one (0009 §1).
    static func vpcID(of nic: Nic) -> String {
        nic.vpcid.flatMap { EC2ID(kind: .vpc, cloudStackUUID: $0)?.description } ?? SecurityGroupMapping.defaultVpcID
    }

    /// The static NAT rules of `addresses` by `vmID/guestIP`, for `views(_:associations:)`.
    static func associations(_ addresses: [PublicIPAddress]) -> [String: Association] {
        var result: [String: Association] = [:]
        for address in addresses where address.isstaticnat == true && address.issourcenat != true {
            guard let vm = address.virtualmachineid, let guest = address.vmipaddress, let ip = address.ipaddress else { continue }
            result[vm + "/" + guest] = Association(
                publicIp: ip, ownerId: address.account ?? "",
                allocationId: address.id.flatMap { EC2ID(kind: .allocation, cloudStackUUID: $0)?.description },
                associationId: AddressLookup.associationID(of: address))
        }
        return result
    }
}

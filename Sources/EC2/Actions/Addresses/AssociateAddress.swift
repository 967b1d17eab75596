import CloudStack

/// `AssociateAddress` [listPublicIpAddresses, listVirtualMachines, disableStaticNat, enableStaticNat]:
/// a static NAT rule from the address to an instance's NIC (`InstanceId`, or `NetworkInterfaceId` =
/// `eni-` + the NIC's UUID hex), at its primary address or `PrivateIpAddress` (`vmguestip`).
///
/// - An address associated with another instance or address is `Resource.AlreadyAssociated` unless
///   `AllowReassociation=true`, which disables the old rule first. Associating it again to the same
///   target is answered with its association id, as EC2 does.
/// - An instance that already has an Elastic IP loses it to the new one (EC2 replaces it; CloudStack
///   allows one static NAT address per VM NIC, so the old rule is disabled first).
/// - A CloudStack address belongs to one isolated network or VPC: an instance with no NIC there is
///   `InvalidParameterValue` naming the address's subnet or VPC.
enum AssociateAddress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let allocationId: String?
        let instanceId: String?
        let publicIp: String?
        let networkInterfaceId: String?
        let privateIpAddress: String?
        let allowReassociation: Bool?
        enum CodingKeys: String, CodingKey {
            case allocationId = "AllocationId"
            case instanceId = "InstanceId"
            case publicIp = "PublicIp"
            case networkInterfaceId = "NetworkInterfaceId"
            case privateIpAddress = "PrivateIpAddress"
            case allowReassociation = "AllowReassociation"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let associationId: String
        static let templateFields: TemplateFields<Self> = ["associationId": .string(\.associationId)]
    }

    static let name = "AssociateAddress"

    static func validate(_ input: Input) throws(EC2Error) {
        if input.instanceId == nil && input.networkInterfaceId == nil { throw EC2Error.missingParameter("InstanceId") }
        if let id = input.instanceId { _ = try EC2ID.parse(id, as: .instance) }
        if let id = input.networkInterfaceId { _ = try EC2ID.parse(id, as: .networkInterface) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let address = try await AddressLookup.require(allocationId: input.allocationId, publicIp: input.publicIp, in: context)
        guard let uuid = address.id, let association = EC2ID(kind: .association, cloudStackUUID: uuid) else {
            throw EC2Error.internalError()
        }
        let (vm, nic) = try await target(input, address: address, in: context)
        guard let vmID = vm.id else { throw EC2Error.internalError() }
        let guestIP = input.privateIpAddress ?? nic.ipaddress
        if AddressLookup.associationID(of: address) != nil {
            if address.virtualmachineid == vmID && (input.privateIpAddress == nil || address.vmipaddress == input.privateIpAddress) {
                return Output(associationId: association.description)
            }
            guard input.allowReassociation == true else {
                throw EC2Error(
                    code: "Resource.AlreadyAssociated",
                    message:
                        "resource \(address.id.flatMap { EC2ID(kind: .allocation, cloudStackUUID: $0)?.description } ?? uuid) is already associated with associate-id \(association.description)"
                )
            }
            _ = try await context.run(CommandTable.disableStaticNat, ["ipaddressid": uuid])
        }
        // The instance's current Elastic IP, if any: EC2 replaces it with this one.
        let natted = try await context.list(CommandTable.listPublicIpAddresses, ["isstaticnat": "true"])
        for old in natted where old.virtualmachineid == vmID && old.id != uuid && old.issourcenat != true {
            if let oldID = old.id { _ = try await context.run(CommandTable.disableStaticNat, ["ipaddressid": oldID]) }
        }
        var parameters: Parameters = ["ipaddressid": uuid, "virtualmachineid": vmID]
        if address.vpcid != nil, let network = nic.networkid { parameters["networkid"] = network }
        if let guestIP, guestIP != nic.ipaddress || input.privateIpAddress != nil { parameters["vmguestip"] = guestIP }
        _ = try await context.call(CommandTable.enableStaticNat, parameters)
        return Output(associationId: association.description)
    }

    /// The VM and NIC the address goes to: the named interface, or the instance's NIC in the address's
    /// network (or VPC), falling back to its default NIC only to name the mismatch.
    static func target(
        _ input: Input, address: PublicIPAddress, in context: ActionContext
    ) async throws(EC2Error) -> (VirtualMachine, Nic) {
        var instance: EC2ID? = nil
        var interface: EC2ID? = nil
        if let id = input.instanceId { instance = try EC2ID.parse(id, as: .instance) }
        if let id = input.networkInterfaceId { interface = try EC2ID.parse(id, as: .networkInterface) }
        var vms: [VirtualMachine] = []
        if let instance {
            for row in try await InstanceLookup.require([instance], in: context) { vms.append(row.vm) }
        } else {
            vms = try await InstanceLookup.virtualMachines(nil, in: context)
        }
        let (vm, nic) = try choose(vms, interface: interface, instance: instance, address: address)
        if address.vpcid == nil, let network = address.associatednetworkid, nic.networkid != network {
            let subnet = EC2ID(kind: .subnet, cloudStackUUID: network)?.description ?? network
            throw EC2Error.invalidParameterValue(
                "Address \(address.ipaddress ?? "") belongs to CloudStack network \(subnet); the interface is not in it (CloudStack cannot move an address between networks)"
            )
        }
        if let vpc = address.vpcid, nic.vpcid != vpc {
            let vpcName = EC2ID(kind: .vpc, cloudStackUUID: vpc)?.description ?? vpc
            throw EC2Error.invalidParameterValue(
                "Address \(address.ipaddress ?? "") belongs to \(vpcName); the interface is not in it (CloudStack cannot move an address between VPCs)"
            )
        }
        return (vm, nic)
    }

    /// The named interface's VM and NIC, or the one VM's NIC in the address's VPC or network.
    static func choose(
        _ vms: [VirtualMachine], interface: EC2ID?, instance: EC2ID?, address: PublicIPAddress
    ) throws(EC2Error) -> (VirtualMachine, Nic) {
        if let interface {
            for vm in vms {
                if let nic = vm.nic.first(where: { $0.id == interface.cloudStackUUID }) { return (vm, nic) }
            }
            throw EC2Error.notFound(.networkInterface, ids: [interface.description])
        }
        guard let vm = vms.first else { throw EC2Error.internalError() }
        let inNetwork = vm.nic.first { nic in
            if let vpc = address.vpcid { return nic.vpcid == vpc }
            if let network = address.associatednetworkid { return nic.networkid == network }
            return nic.isdefault == true
        }
        guard let nic = inNetwork ?? vm.nic.first(where: { $0.isdefault == true }) ?? vm.nic.first else {
            throw EC2Error.invalidParameterValue("Instance \(instance?.description ?? "") has no network interface")
        }
        return (vm, nic)
    }
}

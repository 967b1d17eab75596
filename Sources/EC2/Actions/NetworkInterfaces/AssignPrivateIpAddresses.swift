import CloudStack

/// `AssignPrivateIpAddresses` [listVirtualMachines, addIpToNic per address; removeIpFromNic to undo a
/// partial assignment, and for `AllowReassignment` an address another interface holds]: secondary IPs
/// on a NIC, the ones named (`PrivateIpAddress.N`) or `SecondaryPrivateIpAddressCount` chosen by CloudStack.
///
/// IPv4 prefixes (`Ipv4Prefix.N`, `Ipv4PrefixCount`) are refused: CloudStack assigns single addresses.
enum AssignPrivateIpAddresses: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceId: String?
        let privateIpAddresses: [String]?
        let secondaryPrivateIpAddressCount: Int?
        let allowReassignment: Bool?
        let ipv4Prefixes: [String]?
        let ipv4PrefixCount: Int?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceId = "NetworkInterfaceId"
            case privateIpAddresses = "PrivateIpAddress"
            case secondaryPrivateIpAddressCount = "SecondaryPrivateIpAddressCount"
            case allowReassignment = "AllowReassignment"
            case ipv4Prefixes = "Ipv4Prefix"
            case ipv4PrefixCount = "Ipv4PrefixCount"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let networkInterfaceId: String
        let assignedPrivateIpAddressesSet: [AssignedAddress]
        static let templateFields: TemplateFields<Self> = [
            "networkInterfaceId": .string(\.networkInterfaceId),
            "assignedPrivateIpAddressesSet": .list(\.assignedPrivateIpAddressesSet),
        ]
    }

    /// botocore shape `AssignedPrivateIpAddress`.
    struct AssignedAddress: TemplateModel {
        let privateIpAddress: String
        static let templateFields: TemplateFields<Self> = ["privateIpAddress": .string(\.privateIpAddress)]
    }

    static let name = "AssignPrivateIpAddresses"

    /// At most this many addresses per call, so one request cannot start an unbounded number of jobs.
    static let maximumAddresses = 32

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkInterfaceId else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        _ = try EC2ID.parse(id, as: .networkInterface)
        if input.ipv4Prefixes != nil || input.ipv4PrefixCount != nil {
            throw EC2Error.unsupportedOperation(
                "\(input.ipv4Prefixes != nil ? "Ipv4Prefix" : "Ipv4PrefixCount") cannot be honoured: CloudStack assigns single secondary addresses to a NIC, not prefixes."
            )
        }
        switch (input.privateIpAddresses, input.secondaryPrivateIpAddressCount) {
        case (nil, nil):
            throw EC2Error.missingParameter("PrivateIpAddress or SecondaryPrivateIpAddressCount")
        case (.some, .some):
            throw EC2Error.invalidParameterCombination("You may specify PrivateIpAddress or SecondaryPrivateIpAddressCount, not both")
        case (let addresses?, nil):
            guard !addresses.isEmpty, addresses.count <= maximumAddresses else {
                throw EC2Error.invalidParameterValue("PrivateIpAddress takes 1 to \(maximumAddresses) addresses per request")
            }
            for address in addresses where !IPv4CIDR.isValid(address + "/32") {
                throw EC2Error.invalidParameterValue("Invalid private IP address '\(XMLSafeName.clip(address))'")
            }
            if Set(addresses).count != addresses.count {
                throw EC2Error.invalidParameterValue("PrivateIpAddress lists an address more than once")
            }
        case (nil, let count?):
            guard (1...maximumAddresses).contains(count) else {
                throw EC2Error.invalidParameterValue(
                    name: "SecondaryPrivateIpAddressCount", value: String(count), expected: "1 to \(maximumAddresses)")
            }
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let interface = try EC2ID.parse(input.networkInterfaceId ?? "", as: .networkInterface)
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        guard let nic = vms.lazy.compactMap({ vm in vm.nic.first { $0.id == interface.cloudStackUUID } }).first, let nicID = nic.id else {
            throw EC2Error.notFound(.networkInterface, ids: [interface.description])
        }
        let held = nic.secondaryip.compactMap(\.ipaddress)
        var requests: [String?] = []
        if let addresses = input.privateIpAddresses {
            for address in addresses where !held.contains(address) && address != nic.ipaddress {
                try await release(
                    address, heldBy: vms, except: nicID, network: nic.networkid, allow: input.allowReassignment == true, in: context)
                requests.append(address)
            }
        } else {
            requests = Array(repeating: nil, count: input.secondaryPrivateIpAddressCount ?? 0)
        }
        var assigned: [NicSecondaryIP] = []
        for address in requests {
            var parameters: Parameters = ["nicid": nicID]
            if let address { parameters["ipaddress"] = address }
            do {
                assigned.append(try await context.run(CommandTable.addIpToNic, parameters))
            } catch {
                // EC2 assigns all or none: undo this call's addresses before answering the error.
                for done in assigned { if let id = done.id { _ = try? await context.run(CommandTable.removeIpFromNic, ["id": id]) } }
                throw error
            }
        }
        // Addresses the interface already held are answered as assigned, as EC2 does.
        let already = (input.privateIpAddresses ?? []).filter { held.contains($0) }
        return Output(
            networkInterfaceId: interface.description,
            assignedPrivateIpAddressesSet: (already + assigned.compactMap(\.ipaddress)).map(AssignedAddress.init))
    }

    /// An address another interface of the caller holds as a secondary IP on the same network: EC2 moves
    /// it only with `AllowReassignment=true` (else `InvalidParameterValue`, as EC2 answers), which removes it there first.
    private static func release(
        _ address: String, heldBy vms: [VirtualMachine], except nicID: String, network: String?, allow: Bool, in context: ActionContext
    ) async throws(EC2Error) {
        for vm in vms {
            for other in vm.nic where other.id != nicID && other.networkid == network {
                if other.ipaddress == address {
                    throw EC2Error.invalidParameterValue(
                        "Address \(address) is the primary address of \(EC2ID.networkInterface(other)?.description ?? "another interface")")
                }
                guard let secondary = other.secondaryip.first(where: { $0.ipaddress == address }), let id = secondary.id else { continue }
                guard allow else {
                    throw EC2Error.invalidParameterValue(
                        "Address \(address) is assigned to \(EC2ID.networkInterface(other)?.description ?? "another interface"); set AllowReassignment to move it"
                    )
                }
                _ = try await context.run(CommandTable.removeIpFromNic, ["id": id])
            }
        }
    }
}

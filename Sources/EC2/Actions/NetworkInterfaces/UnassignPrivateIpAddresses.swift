import CloudStack

/// `UnassignPrivateIpAddresses` [listVirtualMachines, removeIpFromNic per address]: secondary IPs off a NIC.
///
/// Every address must be a secondary IP of the interface (EC2 refuses the whole request otherwise, and
/// never unassigns the primary address); `Ipv4Prefix.N` is refused, as CloudStack has no prefixes.
enum UnassignPrivateIpAddresses: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceId: String?
        let privateIpAddresses: [String]?
        let ipv4Prefixes: [String]?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceId = "NetworkInterfaceId"
            case privateIpAddresses = "PrivateIpAddress"
            case ipv4Prefixes = "Ipv4Prefix"
        }
    }

    static let name = "UnassignPrivateIpAddresses"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkInterfaceId else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        _ = try EC2ID.parse(id, as: .networkInterface)
        if input.ipv4Prefixes != nil {
            throw EC2Error.unsupportedOperation(
                "Ipv4Prefix cannot be honoured: CloudStack assigns single secondary addresses, not prefixes.")
        }
        guard let addresses = input.privateIpAddresses, !addresses.isEmpty else { throw EC2Error.missingParameter("PrivateIpAddress") }
        guard addresses.count <= AssignPrivateIpAddresses.maximumAddresses else {
            throw EC2Error.invalidParameterValue(
                "PrivateIpAddress takes 1 to \(AssignPrivateIpAddresses.maximumAddresses) addresses per request")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> ReturnView {
        let (_, nic) = try await NetworkInterfaceLookup.require(id: input.networkInterfaceId, in: context)
        let interface = EC2ID.networkInterface(nic)?.description ?? ""
        var ids: [String] = []
        for address in input.privateIpAddresses ?? [] {
            if address == nic.ipaddress {
                throw EC2Error.invalidParameterValue("The primary address \(address) of \(interface) cannot be unassigned")
            }
            guard let id = nic.secondaryip.first(where: { $0.ipaddress == address })?.id else {
                throw EC2Error.invalidParameterValue(
                    "Some of the specified addresses are not assigned to interface \(interface): \(XMLSafeName.clip(address))")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        for id in ids { _ = try await context.run(CommandTable.removeIpFromNic, ["id": id]) }
        return ReturnView(value: true)
    }
}

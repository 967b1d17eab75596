import CloudStack

/// `DescribeAddresses` [listPublicIpAddresses, without source NAT addresses; listVirtualMachines
/// only when an address has a static NAT rule, to name the interface it points at].
enum DescribeAddresses: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let publicIps: [String]?
        let allocationIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case publicIps = "PublicIp"
            case allocationIds = "AllocationId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let addressesSet: [AddressView]
        static let templateFields: TemplateFields<Self> = ["addressesSet": .list(\.addressesSet)]
    }

    static let name = "DescribeAddresses"

    static let filterTable = FilterTable<AddressView>(
        [
            "public-ip": .init { [$0.publicIp] },
            "allocation-id": .init { [$0.allocationId] },
            "association-id": .init { $0.associationId.map { [$0] } ?? [] },
            "instance-id": .init { $0.instanceId.map { [$0] } ?? [] },
            "private-ip-address": .init { $0.privateIpAddress.map { [$0] } ?? [] },
            "domain": .init { _ in ["vpc"] },
            "network-border-group": .init { [$0.networkBorderGroup] },
            "network-interface-id": .init { $0.networkInterfaceId.map { [$0] } ?? [] },
            "network-interface-owner-id": .init { $0.networkInterfaceOwnerId.map { [$0] } ?? [] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let allocations = try (input.allocationIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .allocation) }
        let addresses = try await context.list(CommandTable.listPublicIpAddresses).filter { $0.issourcenat != true }
        let interfaces = try await interfaces(of: addresses, in: context)
        let region = context.configuration.region
        var views = addresses.compactMap { address -> AddressView? in
            var address = address
            address.tags = context.withPendingTags(address.tags, on: address.id)
            return AddressView(address, region: region, interface: address.id.flatMap { interfaces[$0] })
        }
        if let ips = input.publicIps, !ips.isEmpty {
            for ip in ips where !views.contains(where: { $0.publicIp == ip }) {
                throw EC2Error(code: "InvalidAddress.NotFound", message: "Address '\(XMLSafeName.clip(ip))' not found.")
            }
            views = views.filter { ips.contains($0.publicIp) }
        }
        if !allocations.isEmpty {
            let wanted = Set(allocations.map(\.description))
            let missing = allocations.map(\.description).filter { id in !views.contains { $0.allocationId == id } }
            if !missing.isEmpty { throw EC2Error.notFound(.allocation, ids: missing) }
            views = views.filter { wanted.contains($0.allocationId) }
        }
        return Output(addressesSet: filters.apply(views))
    }

    /// The NIC each static NAT address points at, by address id: the VM's NIC holding `vmipaddress`
    /// (primary address), else its NIC in the address's network, else its default NIC. One
    /// listVirtualMachines call, only when some address has a rule.
    static func interfaces(of addresses: [PublicIPAddress], in context: ActionContext) async throws(EC2Error) -> [String: EC2ID] {
        let natted = addresses.filter { $0.isstaticnat == true && $0.virtualmachineid != nil }
        guard !natted.isEmpty else { return [:] }
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        var byVM: [String: VirtualMachine] = [:]
        for vm in vms { if let id = vm.id { byVM[id] = vm } }
        var result: [String: EC2ID] = [:]
        for address in natted {
            guard let id = address.id, let vmID = address.virtualmachineid, let vm = byVM[vmID] else { continue }
            let nic =
                vm.nic.first { $0.ipaddress != nil && $0.ipaddress == address.vmipaddress }
                ?? vm.nic.first { $0.networkid != nil && $0.networkid == address.associatednetworkid }
                ?? vm.nic.first { $0.isdefault == true }
            if let nic, let eni = EC2ID.networkInterface(nic) { result[id] = eni }
        }
        return result
    }
}

import CloudStack

/// `DescribeAddresses` [listPublicIpAddresses, without source NAT addresses]: read-only, so clients
/// that list addresses alongside instances (libcloud's `list_nodes`) work; allocating and
/// associating addresses are not implemented here.
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
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } })

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let allocations = try (input.allocationIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .allocation) }
        let addresses = try await context.list(CommandTable.listPublicIpAddresses)
        var views = addresses.filter { $0.issourcenat != true }.compactMap { address -> AddressView? in
            var address = address
            address.tags = context.withPendingTags(address.tags, on: address.id)
            return AddressView(address)
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
}

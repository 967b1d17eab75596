import CloudStack

/// `DescribeNetworkInterfaces` [listVirtualMachines; listPublicIpAddresses isstaticnat=true for the
/// Elastic IPs NATed to them; listResourceDetails per NIC shown for its tags]: every NIC of the caller's
/// VMs (decision 0009 §10), `NetworkInterfaceId.N`, EC2's filters with `tag:<key>`, `tag-key` and
/// `tag-value`, `MaxResults`/`NextToken`.
enum DescribeNetworkInterfaces: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        /// No interface here is managed by a service, so both values answer the same.
        let includeManagedResources: Bool?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceIds = "NetworkInterfaceId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
            case includeManagedResources = "IncludeManagedResources"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let networkInterfaceSet: [NetworkInterfaceView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "networkInterfaceSet": .list(\.networkInterfaceSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeNetworkInterfaces"

    static let filterTable = FilterTable<NetworkInterfaceView>(
        [
            "network-interface-id": .init { [$0.networkInterfaceId] },
            "attachment.attachment-id": .init { [$0.attachment.attachmentId] },
            "attachment.instance-id": .init { [$0.attachment.instanceId] },
            "attachment.instance-owner-id": .init { [$0.attachment.instanceOwnerId] },
            "attachment.device-index": .init { [String($0.attachment.deviceIndex)] },
            "attachment.status": .init { [$0.attachment.status] },
            "attachment.delete-on-termination": .init { [String($0.attachment.deleteOnTermination)] },
            "subnet-id": .init { [$0.subnetId] },
            "vpc-id": .init { [$0.vpcId] },
            "availability-zone": .init { [$0.availabilityZone] },
            "private-ip-address": .init { [$0.privateIpAddress] },
            "addresses.private-ip-address": .init { $0.privateIpAddressesSet.map(\.privateIpAddress) },
            "addresses.primary": .init { $0.privateIpAddressesSet.map { String($0.primary) } },
            "addresses.association.public-ip": .init { $0.privateIpAddressesSet.compactMap { $0.association?.publicIp } },
            "addresses.association.owner-id": .init { $0.privateIpAddressesSet.compactMap { $0.association?.ipOwnerId } },
            "association.public-ip": .init { $0.association.map { [$0.publicIp] } ?? [] },
            "association.ip-owner-id": .init { $0.association.map { [$0.ipOwnerId] } ?? [] },
            "association.allocation-id": .init { $0.association?.allocationId.map { [$0] } ?? [] },
            "association.association-id": .init { $0.association?.associationId.map { [$0] } ?? [] },
            "status": .init { [$0.status] },
            "group-id": .init { $0.groupSet.map(\.groupId) },
            "group-name": .init { $0.groupSet.map(\.groupName) },
            "mac-address": .init { [$0.macAddress] },
            "owner-id": .init { [$0.ownerId] },
            "description": .init { [$0.description] },
            "source-dest-check": .init { [String($0.sourceDestCheck)] },
            "requester-managed": .init { [String($0.requesterManaged)] },
            "interface-type": .init { [$0.interfaceType] },
            "private-dns-name": .init { $0.privateDnsName.map { [$0] } ?? [] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } }, tagPushdown: true)

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        var wanted: [EC2ID] = []
        for id in input.networkInterfaceIds ?? [] { wanted.append(try EC2ID.parse(id, as: .networkInterface)) }
        let maxResults = try MaxResults.validate(input.maxResults)
        // The addresses do not depend on the VM list: asked for at the same time, they cost no extra latency.
        async let natted = context.list(CommandTable.listPublicIpAddresses, ["isstaticnat": "true"])
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        let associations = NetworkInterfaceMapping.associations(try await natted)
        var views = vms.flatMap { NetworkInterfaceMapping.views($0, associations: associations) }
        if !wanted.isEmpty {
            let found = Set(views.map(\.networkInterfaceId))
            let missing = wanted.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.networkInterface, ids: missing) }
            let names = Set(wanted.map(\.description))
            views = views.filter { names.contains($0.networkInterfaceId) }
        }
        // Tags are NIC details, read per NIC: with tag filters for every candidate (narrowed first by one
        // listing of an exact `tag:<key>` value), else only for the page shown.
        let tagFilters = input.filters?.contains { $0.name.hasPrefix("tag") } == true
        if tagFilters {
            if let tag = context.tagPushdown(filters).first {
                let hits = Set(
                    try await NicTags.rows(on: views.map(\.cloudStackNicID), matching: tag, in: context).compactMap(\.resourceid))
                views = views.filter { hits.contains($0.cloudStackNicID) }
            }
            views = try await withTags(views, in: context)
        }
        views = filters.apply(views)
        views.sort { $0.networkInterfaceId.utf8.lexicographicallyPrecedes($1.networkInterfaceId.utf8) }
        let pager = Pager(
            codec: context.pageTokens,
            scope: Pager.scope([
                name, context.accessKeyID, Pager.describe(input.filters), wanted.map(\.description).joined(separator: ","),
            ]))
        let page = try pager.page(views, key: \.networkInterfaceId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(networkInterfaceSet: tagFilters ? page.items : try await withTags(page.items, in: context), nextToken: page.nextToken)
    }

    /// `views` with their `tagSet` read from the NICs' details.
    private static func withTags(_ views: [NetworkInterfaceView], in context: ActionContext) async throws(EC2Error)
        -> [NetworkInterfaceView]
    {
        let tags = try await NicTags.views(of: views.map(\.cloudStackNicID), in: context)
        return views.map { view in
            var view = view
            view.tagSet = tags[view.cloudStackNicID] ?? []
            return view
        }
    }
}

import CloudStack

/// `DescribeAddressesAttribute` [listPublicIpAddresses]: the only attribute, `domain-name` (reverse
/// DNS), is empty for every address: CloudStack keeps no PTR records.
enum DescribeAddressesAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let allocationIds: [String]?
        let attribute: String?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case allocationIds = "AllocationId"
            case attribute = "Attribute"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// One address's attributes (botocore `AddressAttribute`).
    struct AttributeView: TemplateModel {
        let publicIp: String
        let allocationId: String
        static let templateFields: TemplateFields<Self> = ["publicIp": .string(\.publicIp), "allocationId": .string(\.allocationId)]
    }

    /// The result.
    struct Output: TemplateModel {
        let addressSet: [AttributeView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["addressSet": .list(\.addressSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeAddressesAttribute"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let attribute = input.attribute else { throw EC2Error.missingParameter("Attribute") }
        guard attribute == "domain-name" else {
            throw EC2Error.invalidParameterValue(name: "Attribute", value: XMLSafeName.clip(attribute), expected: "domain-name")
        }
        if input.allocationIds?.isEmpty == false && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter AllocationId cannot be used with the parameter MaxResults")
        }
        for id in input.allocationIds ?? [] { _ = try EC2ID.parse(id, as: .allocation) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let maxResults = try MaxResults.validate(input.maxResults, range: 1...1000)
        var wanted: [EC2ID] = []
        for id in input.allocationIds ?? [] { wanted.append(try EC2ID.parse(id, as: .allocation)) }
        let rows = try await context.list(CommandTable.listPublicIpAddresses)
        var views = rows.filter { $0.issourcenat != true }.compactMap { row -> AttributeView? in
            guard let ip = row.ipaddress, let id = row.id.flatMap({ EC2ID(kind: .allocation, cloudStackUUID: $0) }) else { return nil }
            return AttributeView(publicIp: ip, allocationId: id.description)
        }
        if !wanted.isEmpty {
            let missing = wanted.map(\.description).filter { id in !views.contains { $0.allocationId == id } }
            if !missing.isEmpty { throw EC2Error.notFound(.allocation, ids: missing) }
            let set = Set(wanted.map(\.description))
            views = views.filter { set.contains($0.allocationId) }
        }
        views.sort { $0.allocationId.utf8.lexicographicallyPrecedes($1.allocationId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, wanted.map(\.description).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.allocationId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(addressSet: page.items, nextToken: page.nextToken)
    }
}

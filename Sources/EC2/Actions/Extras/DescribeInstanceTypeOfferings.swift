import CloudStack

/// `DescribeInstanceTypeOfferings` [listServiceOfferings, listZones]: the instance types of
/// DescribeInstanceTypes, per region (the default), per zone name (`availability-zone`) or per zone
/// id (`availability-zone-id`); an offering limited to some zones (`zoneid`) is offered only there.
/// Filters `instance-type` and `location`; `outpost` locations do not exist here.
enum DescribeInstanceTypeOfferings: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let locationType: String?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case locationType = "LocationType"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// botocore shape `InstanceTypeOffering`.
    struct Offering: TemplateModel {
        let instanceType: String
        let locationType: String
        let location: String
        /// The page key: location, then type.
        var pageKey: String { location + "\u{0}" + instanceType }
        static let templateFields: TemplateFields<Self> = [
            "instanceType": .string(\.instanceType), "locationType": .string(\.locationType), "location": .string(\.location),
        ]
    }

    /// The result.
    struct Output: TemplateModel {
        let instanceTypeOfferingSet: [Offering]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "instanceTypeOfferingSet": .list(\.instanceTypeOfferingSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeInstanceTypeOfferings"

    static let filterTable = FilterTable<Offering>(["instance-type": .init { [$0.instanceType] }, "location": .init { [$0.location] }])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let locationType = input.locationType ?? "region"
        guard ["region", "availability-zone", "availability-zone-id"].contains(locationType) else {
            throw EC2Error.invalidParameterValue(
                name: "LocationType", value: XMLSafeName.clip(locationType), expected: "region, availability-zone or availability-zone-id")
        }
        let filters = try FilterSet(input.filters, table: filterTable)
        let maxResults = try MaxResults.validate(input.maxResults)
        let names = InstanceTypeNames(configured: context.configuration.instanceTypes)
        let zones = locationType == "region" ? [] : try await context.list(CommandTable.listZones)
        var offerings: [String: Offering] = [:]
        for offering in try await context.list(CommandTable.listServiceOfferings) {
            // Customised offerings need sizes RunInstances cannot pass (as in DescribeInstanceTypes).
            guard let cpu = offering.cpunumber, cpu > 0, offering.memory != nil else { continue }
            let type = names.name(of: offering)
            let limited = offering.zoneid.map { Set($0.split(separator: ",").map { String($0) }) }
            let locations: [String]
            switch locationType {
            case "region": locations = [context.configuration.region]
            case "availability-zone":
                locations = zones.filter { zone in limited.map { zone.id.map($0.contains) ?? false } ?? true }.compactMap(\.name)
            default:
                locations = zones.filter { zone in limited.map { zone.id.map($0.contains) ?? false } ?? true }.compactMap(\.id)
            }
            for location in locations {
                let item = Offering(instanceType: type, locationType: locationType, location: location)
                offerings[item.pageKey] = item
            }
        }
        let selected = filters.apply(Array(offerings.values)).sorted { $0.pageKey.utf8.lexicographicallyPrecedes($1.pageKey.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), locationType])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            selected, key: \.pageKey, maxResults: maxResults, nextToken: input.nextToken)
        return Output(instanceTypeOfferingSet: page.items, nextToken: page.nextToken)
    }
}

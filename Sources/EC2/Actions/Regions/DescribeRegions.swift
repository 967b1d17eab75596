/// `DescribeRegions`: the one configured region and its endpoint (no CloudStack call).
enum DescribeRegions: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let regionNames: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case regionNames = "RegionName"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let regionInfo: [RegionView]
        static let templateFields: TemplateFields<Self> = ["regionInfo": .list(\.regionInfo)]
    }

    static let name = "DescribeRegions"

    static let filterTable = FilterTable<RegionView>([
        "endpoint": .init { [$0.regionEndpoint] },
        "region-name": .init { [$0.regionName] },
        "opt-in-status": .init { [$0.optInStatus] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let region = RegionView(
            regionName: context.configuration.region, regionEndpoint: RegionView.host(of: context.configuration.endpointURL),
            optInStatus: "opt-in-not-required")
        if let names = input.regionNames, !names.isEmpty {
            for name in names where name != region.regionName {
                throw EC2Error(code: "InvalidParameterValue", message: "Invalid region: \(XMLSafeName.clip(name))")
            }
        }
        return Output(regionInfo: filters.apply([region]))
    }
}

import CloudStack

/// `DescribeAvailabilityZones` [listZones]: each CloudStack zone is an availability zone of the one region.
enum DescribeAvailabilityZones: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let zoneNames: [String]?
        let zoneIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case zoneNames = "ZoneName"
            case zoneIds = "ZoneId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let availabilityZoneInfo: [AvailabilityZoneView]
        static let templateFields: TemplateFields<Self> = ["availabilityZoneInfo": .list(\.availabilityZoneInfo)]
    }

    static let name = "DescribeAvailabilityZones"

    static let filterTable = FilterTable<AvailabilityZoneView>([
        "zone-name": .init(pushdown: true) { [$0.zoneName] },
        "zone-id": .init(pushdown: true) { [$0.zoneId] },
        "state": .init { [$0.zoneState] },
        "region-name": .init { [$0.regionName] },
        "zone-type": .init { [$0.zoneType] },
        "group-name": .init { [$0.groupName] },
        "opt-in-status": .init { [$0.optInStatus] },
        "message": .init { _ in [] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        var parameters = Parameters()
        if let ids = input.zoneIds, ids.count == 1 {
            parameters["id"] = ids[0]
        } else if let name = input.zoneNames?.first, input.zoneNames?.count == 1 {
            parameters["name"] = name
        } else if let names = filters.pushdownValues("zone-name"), names.count == 1 {
            parameters["name"] = names[0]
        }
        let zones = try await context.list(CommandTable.listZones, parameters, context: .none)
        let views = zones.compactMap { AvailabilityZoneView(zone: $0, region: context.configuration.region) }
        var selected = views
        if let names = input.zoneNames, !names.isEmpty {
            for name in names where !views.contains(where: { $0.zoneName == name }) {
                throw EC2Error(
                    code: "InvalidParameterValue", message: "The zone '\(XMLSafeName.clip(name))' does not exist in this region.")
            }
            selected = selected.filter { names.contains($0.zoneName) }
        }
        if let ids = input.zoneIds, !ids.isEmpty {
            for id in ids where !views.contains(where: { $0.zoneId == id }) {
                throw EC2Error(
                    code: "InvalidParameterValue", message: "The zone ID '\(XMLSafeName.clip(id))' does not exist in this region.")
            }
            selected = selected.filter { ids.contains($0.zoneId) }
        }
        return Output(availabilityZoneInfo: filters.apply(selected))
    }
}

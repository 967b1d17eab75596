import CloudStack

/// `DescribePlacementGroups` [listAffinityGroups]: the caller's host affinity and anti-affinity groups,
/// by `GroupName.N`, `GroupId.N` (`pg-` + the affinity group's UUID hex) and filters.
enum DescribePlacementGroups: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupNames: [String]?
        let groupIds: [String]?
        let filters: [Filter]?
        enum CodingKeys: String, CodingKey {
            case groupNames = "GroupName"
            case groupIds = "GroupId"
            case filters = "Filter"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let placementGroupSet: [PlacementGroupView]
        static let templateFields: TemplateFields<Self> = ["placementGroupSet": .list(\.placementGroupSet)]
    }

    static let name = "DescribePlacementGroups"

    static let filterTable = FilterTable<PlacementGroupView>(
        [
            "group-name": .init { [$0.groupName] },
            "group-arn": .init { _ in [] },
            "spread-level": .init { $0.strategy == "spread" ? ["host"] : [] },
            "state": .init { _ in ["available"] },
            "strategy": .init { [$0.strategy] },
        ],
        tags: { _ in [] })

    static func validate(_ input: Input) throws(EC2Error) {
        for id in input.groupIds ?? [] { _ = try EC2ID.parse(id, as: .placementGroup) }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        var ids: [EC2ID] = []
        for id in input.groupIds ?? [] { ids.append(try EC2ID.parse(id, as: .placementGroup)) }
        let groups = try await context.list(CommandTable.listAffinityGroups)
        var views = groups.compactMap(PlacementGroupView.init)
        if let names = input.groupNames, !names.isEmpty {
            for name in names where !views.contains(where: { $0.groupName == name }) {
                throw EC2Error(
                    code: "InvalidPlacementGroup.Unknown", message: "The Placement Group '\(XMLSafeName.clip(name))' is unknown.")
            }
            views = views.filter { names.contains($0.groupName) }
        }
        if !ids.isEmpty {
            let missing = ids.map(\.description).filter { id in !views.contains { $0.groupId == id } }
            if !missing.isEmpty { throw EC2Error.notFound(.placementGroup, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.groupId) }
        }
        return Output(placementGroupSet: filters.apply(views))
    }
}

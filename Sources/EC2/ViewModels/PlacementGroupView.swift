import CloudStack

/// botocore shape `PlacementGroup`, from a CloudStack affinity group (decision 0009, placement groups).
struct PlacementGroupView: TemplateModel {
    let groupName: String
    let groupId: String
    let strategy: String

    static let templateFields: TemplateFields<Self> = [
        "groupName": .string(\.groupName), "groupId": .string(\.groupId), "strategy": .string(\.strategy),
    ]

    /// EC2 strategies by CloudStack affinity group type; other types (none by default) are not placement groups.
    static let strategies = ["host affinity": "cluster", "host anti-affinity": "spread"]

    init?(_ group: AffinityGroup) {
        guard let name = group.name, let type = group.type, let strategy = Self.strategies[type],
            let id = group.id.flatMap({ EC2ID(kind: .placementGroup, cloudStackUUID: $0) })
        else { return nil }
        groupName = name
        groupId = id.description
        self.strategy = strategy
    }
}

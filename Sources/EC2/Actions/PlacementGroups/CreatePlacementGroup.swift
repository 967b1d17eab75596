import CloudStack

/// `CreatePlacementGroup` [createAffinityGroup]: `cluster` → `host affinity`, `spread` →
/// `host anti-affinity`; `partition` (and its `PartitionCount`) and the spread level CloudStack has
/// no notion of are refused naming the member.
enum CreatePlacementGroup: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupName: String?
        let strategy: String?
        let partitionCount: Int?
        let spreadLevel: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case groupName = "GroupName"
            case strategy = "Strategy"
            case partitionCount = "PartitionCount"
            case spreadLevel = "SpreadLevel"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let placementGroup: PlacementGroupView
        static let templateFields: TemplateFields<Self> = ["placementGroup": .object(\.placementGroup)]
    }

    static let name = "CreatePlacementGroup"

    /// CloudStack affinity group types by EC2 strategy.
    static let types = ["cluster": "host affinity", "spread": "host anti-affinity"]

    static func validate(_ input: Input) throws(EC2Error) {
        guard let name = input.groupName, !name.isEmpty else { throw EC2Error.missingParameter("GroupName") }
        guard name.utf8.count <= 255 else { throw EC2Error.invalidParameterValue("GroupName must be at most 255 characters") }
        guard let strategy = input.strategy else { throw EC2Error.missingParameter("Strategy") }
        if strategy == "partition" || input.partitionCount != nil {
            throw EC2Error.unsupportedOperation(
                "Strategy partition is not supported: CloudStack affinity groups are host affinity (cluster) or host anti-affinity (spread)"
            )
        }
        guard types[strategy] != nil else {
            throw EC2Error.invalidParameterValue(name: "Strategy", value: XMLSafeName.clip(strategy), expected: "cluster or spread")
        }
        if let level = input.spreadLevel, level != "host" {
            throw EC2Error.unsupportedOperation("SpreadLevel \(XMLSafeName.clip(level)) is not supported: CloudStack spreads over hosts")
        }
        if input.tagSpecifications != nil {
            throw EC2Error.unsupportedOperation("TagSpecification is not supported: CloudStack affinity groups cannot be tagged")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let name = input.groupName, let strategy = input.strategy, let type = types[strategy] else { throw EC2Error.internalError() }
        let existing = try await context.list(CommandTable.listAffinityGroups, ["name": name])
        if existing.contains(where: { $0.name == name }) {
            throw EC2Error(
                code: "InvalidPlacementGroup.Duplicate", message: "The Placement Group '\(XMLSafeName.clip(name))' already exists.")
        }
        let group = try await context.run(CommandTable.createAffinityGroup, ["name": name, "type": type])
        guard let view = PlacementGroupView(group) else { throw EC2Error.internalError() }
        return Output(placementGroup: view)
    }
}

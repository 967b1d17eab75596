import CloudStack

/// `DescribeVolumesModifications` [listVolumes]: the modifications ModifyVolume made through this
/// gateway (remembered for a day, per process), each derived from the volume and its job
/// (`VolumeModifications`). A volume never modified here is `InvalidVolumeModification.NotFound`.
enum DescribeVolumesModifications: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let volumeIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case volumeIds = "VolumeId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let volumeModificationSet: [VolumeModificationView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "volumeModificationSet": .list(\.volumeModificationSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeVolumesModifications"

    static let filterTable = FilterTable<VolumeModificationView>([
        "volume-id": .init { [$0.volumeId] },
        "modification-state": .init { [$0.modificationState] },
        "target-size": .init { [String($0.targetSize)] },
        "target-volume-type": .init { [$0.targetVolumeType] },
        "original-size": .init { [String($0.originalSize)] },
        "original-volume-type": .init { [$0.originalVolumeType] },
        "start-time": .init { [$0.startTime] },
        "target-multi-attach-enabled": .init { _ in ["false"] },
        "original-multi-attach-enabled": .init { _ in ["false"] },
        // CloudStack volumes have no provisioned IOPS or throughput to report.
        "target-iops": .init { _ in [] },
        "original-iops": .init { _ in [] },
        "target-throughput": .init { _ in [] },
        "original-throughput": .init { _ in [] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try VolumeLookup.parse(input.volumeIds)
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...500)
        let volumes = try await VolumeLookup.volumes(ids.isEmpty ? nil : ids, in: context)
        if !ids.isEmpty {
            let found = Set(volumes.compactMap(\.id))
            let missing = ids.filter { !found.contains($0.cloudStackUUID) }.map(\.description)
            if !missing.isEmpty { throw EC2Error.notFound(.volume, ids: missing) }
        }
        let views = try await VolumeLookup.views(volumes, in: context)
        var modifications: [VolumeModificationView] = []
        for (volume, view) in zip(volumes, views) {
            guard let uuid = volume.id, let record = context.memory.volumeModifications.value(for: uuid) else { continue }
            modifications.append(VolumeModifications.view(record, volumeID: view.volumeId, volume: (volume, view)))
        }
        if !ids.isEmpty {
            let found = Set(modifications.map(\.volumeId))
            if let missing = ids.first(where: { !found.contains($0.description) }) {
                throw EC2Error(
                    code: "InvalidVolumeModification.NotFound", message: "Modification for volume '\(missing.description)' does not exist.")
            }
        }
        modifications = filters.apply(modifications)
        modifications.sort { $0.volumeId.utf8.lexicographicallyPrecedes($1.volumeId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), (input.volumeIds ?? []).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            modifications, key: \.volumeId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(volumeModificationSet: page.items, nextToken: page.nextToken)
    }
}

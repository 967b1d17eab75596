import CloudStack

/// `DescribeVolumeStatus` [listVolumes]: CloudStack has no I/O checks, events or actions, so a
/// usable volume is `ok` (`io-enabled` passed), one still being created `insufficient-data`, a
/// failed upload `impaired`; the event and action filters match nothing. With `MaxResults`/`NextToken` and no
/// `VolumeId`, pages are cut from listVolumes' own pages in CloudStack's order, as DescribeVolumes' are (issue 16).
enum DescribeVolumeStatus: EC2Action {
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
        let volumeStatusSet: [VolumeStatusItemView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = [
            "volumeStatusSet": .list(\.volumeStatusSet), "nextToken": .optional(\.nextToken),
        ]
    }

    static let name = "DescribeVolumeStatus"

    static let filterTable = FilterTable<VolumeStatusItemView>([
        "availability-zone": .init { [$0.availabilityZone] },
        "volume-status.status": .init { [$0.status] },
        "volume-status.details-name": .init { _ in ["io-enabled", "io-performance"] },
        "volume-status.details-status": .init { [$0.ioEnabled, "not-applicable"] },
        "event.description": .init { _ in [] },
        "event.event-id": .init { _ in [] },
        "event.event-type": .init { _ in [] },
        "event.not-after": .init { _ in [] },
        "event.not-before": .init { _ in [] },
        "action.code": .init { _ in [] },
        "action.description": .init { _ in [] },
        "action.event-id": .init { _ in [] },
    ])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try VolumeLookup.parse(input.volumeIds)
        let maxResults = try MaxResults.validate(input.maxResults)
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            let pager = CloudStackPager(context, scope: [name, Pager.describe(input.filters)])
            let page = try await pager.page(
                CommandTable.listVolumes, Parameters(), id: \.id, maxResults: maxResults ?? 1000, nextToken: input.nextToken, in: context
            ) { (rows: ArraySlice<Volume>) async throws(EC2Error) -> [VolumeStatusItemView?] in
                try await VolumeLookup.alignedViews(rows, in: context).map { view in
                    view.flatMap { $0.status != "deleted" ? item($0) : nil }.flatMap { filters.matches($0) ? $0 : nil }
                }
            }
            return Output(volumeStatusSet: page.items, nextToken: page.nextToken)
        }
        let volumes = try await VolumeLookup.volumes(ids.isEmpty ? nil : ids, in: context)
        var views = try await VolumeLookup.views(volumes, in: context).filter { $0.status != "deleted" }
        if !ids.isEmpty {
            let found = Set(views.map(\.volumeId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.volume, ids: missing) }
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.volumeId) }
        }
        var items = views.map(item)
        items = filters.apply(items)
        items.sort { $0.volumeId.utf8.lexicographicallyPrecedes($1.volumeId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), (input.volumeIds ?? []).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            items, key: \.volumeId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(volumeStatusSet: page.items, nextToken: page.nextToken)
    }

    /// The status item of a volume view.
    static func item(_ view: VolumeView) -> VolumeStatusItemView {
        let (status, io): (String, String) =
            switch view.status {
            case "creating": ("insufficient-data", "insufficient-data")
            case "error": ("impaired", "failed")
            default: ("ok", "passed")
            }
        return VolumeStatusItemView(
            volumeId: view.volumeId, availabilityZone: view.availabilityZone, status: status, ioEnabled: io,
            instanceIds: view.attachmentSet.map(\.instanceId))
    }
}

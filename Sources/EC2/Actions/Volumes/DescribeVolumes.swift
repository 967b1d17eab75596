import CloudStack

/// `DescribeVolumes` [listVolumes]: `VolumeId.N`, EC2's filters (ids, one attached instance and
/// one exact tag pushed down), `MaxResults`/`NextToken` read from CloudStack's own pages (`CloudStackPager`:
/// a page costs the CloudStack pages it needs, in CloudStack's order).
///
/// Volumes CloudStack is destroying are EC2's `deleted`: listed only when asked for by id (what
/// the `volume_deleted` waiter polls), like a deleted EBS volume before it is gone.
enum DescribeVolumes: EC2Action {
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
        let volumeSet: [VolumeView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["volumeSet": .list(\.volumeSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeVolumes"

    static let filterTable = FilterTable<VolumeView>(
        [
            "volume-id": .init(pushdown: true) { [$0.volumeId] },
            "status": .init { [$0.status] },
            "size": .init { [String($0.size)] },
            "availability-zone": .init { [$0.availabilityZone] },
            "create-time": .init { [$0.createTime] },
            "snapshot-id": .init { [$0.snapshotId] },
            "volume-type": .init { [$0.volumeType] },
            "encrypted": .init { _ in ["false"] },
            "multi-attach-enabled": .init { _ in ["false"] },
            "fast-restored": .init { _ in ["false"] },
            "attachment.instance-id": .init(pushdown: true) { $0.attachmentSet.map(\.instanceId) },
            "attachment.device": .init { view in
                view.attachmentSet.flatMap { attachment in
                    (try? DeviceName.deviceID(attachment.device)).map(DeviceName.spellings(deviceID:)) ?? [attachment.device]
                }
            },
            "attachment.status": .init { $0.attachmentSet.map(\.status) },
            "attachment.attach-time": .init { $0.attachmentSet.map(\.attachTime) },
            "attachment.delete-on-termination": .init { $0.attachmentSet.map { $0.deleteOnTermination ? "true" : "false" } },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } }, tagPushdown: true)

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try VolumeLookup.parse(input.volumeIds)
        if !ids.isEmpty && input.maxResults != nil {
            throw EC2Error.invalidParameterCombination("The parameter volumesSet cannot be used with the parameter maxResults")
        }
        let maxResults = try MaxResults.validate(input.maxResults, range: 5...500)
        var parameters = Parameters()
        var pushedIDs = ids
        if ids.isEmpty, let values = filters.pushdownValues("volume-id") {
            pushedIDs = values.compactMap { try? EC2ID.parse($0, as: .volume) }
            if pushedIDs.isEmpty { return Output(volumeSet: [], nextToken: nil) }
        }
        if let instances = filters.pushdownValues("attachment.instance-id"), instances.count == 1 {
            guard let instance = try? EC2ID.parse(instances[0], as: .instance) else { return Output(volumeSet: [], nextToken: nil) }
            parameters["virtualmachineid"] = instance.cloudStackUUID
        }
        if case let tags = context.tagPushdown(filters), !tags.isEmpty { parameters.setTags(tags) }
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            return try await page(filters, parameters, ids: pushedIDs, maxResults: maxResults ?? 500, input: input, in: context)
        }
        let volumes = try await VolumeLookup.volumes(pushedIDs.isEmpty ? nil : pushedIDs, extra: parameters, in: context)
        var views = try await VolumeLookup.views(volumes, in: context)
        if ids.isEmpty {
            views = views.filter { $0.status != "deleted" }
        } else {
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.volumeId) }
            let found = Set(views.map(\.volumeId))
            let missing = ids.map(\.description).filter { !found.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.volume, ids: missing) }
        }
        views = filters.apply(views)
        views.sort { $0.volumeId.utf8.lexicographicallyPrecedes($1.volumeId.utf8) }
        let scope = Pager.scope([name, context.accessKeyID, Pager.describe(input.filters), (input.volumeIds ?? []).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.volumeId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(volumeSet: page.items, nextToken: page.nextToken)
    }

    /// A `MaxResults`/`NextToken` page read from CloudStack's own pages; volumes being destroyed are left out, as
    /// in the unpaginated list.
    private static func page(
        _ filters: FilterSet<VolumeView>, _ pushed: Parameters, ids: [EC2ID], maxResults: Int, input: Input, in context: ActionContext
    ) async throws(EC2Error) -> Output {
        let parameters = CloudStackPager.parameters(pushed, ids: ids)
        let pager = CloudStackPager(context, scope: [name, Pager.describe(input.filters)])
        let page = try await pager.page(
            CommandTable.listVolumes, parameters, id: \.id, maxResults: maxResults, nextToken: input.nextToken, in: context
        ) { (rows: ArraySlice<Volume>) async throws(EC2Error) -> [VolumeView?] in
            try await VolumeLookup.alignedViews(rows, in: context).map { view in
                view.flatMap { $0.status != "deleted" && filters.matches($0) ? $0 : nil }
            }
        }
        return Output(volumeSet: page.items, nextToken: page.nextToken)
    }
}

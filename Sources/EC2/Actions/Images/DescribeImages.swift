import CloudStack

/// `DescribeImages` [listTemplates]: `Owner.N` (`self` → templatefilter=self, `amazon` → featured, an
/// account name → executable templates of that account), `ExecutableBy.N`, `ImageId.N`, filters, paging (with
/// `MaxResults`/`NextToken`, cut from listTemplates' own pages: `DescribeImages+Pages.swift`).
enum DescribeImages: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let imageIds: [String]?
        let owners: [String]?
        let executableUsers: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case imageIds = "ImageId"
            case owners = "Owner"
            case executableUsers = "ExecutableBy"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let imagesSet: [ImageView]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["imagesSet": .list(\.imagesSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribeImages"

    static let filterTable = FilterTable<ImageView>(
        [
            "image-id": .init(pushdown: true) { [$0.imageId] },
            "name": .init(pushdown: true) { [$0.name] },
            "state": .init { [$0.imageState] },
            "owner-id": .init { [$0.imageOwnerId] },
            "owner-alias": .init { $0.imageOwnerAlias.map { [$0] } ?? [] },
            "is-public": .init { [$0.isPublic ? "true" : "false"] },
            "architecture": .init { [$0.architecture] },
            "image-type": .init { [$0.imageType] },
            "root-device-type": .init { [$0.rootDeviceType] },
            "root-device-name": .init { [$0.rootDeviceName] },
            "virtualization-type": .init { [$0.virtualizationType] },
            "hypervisor": .init { [$0.hypervisor] },
            "description": .init { [$0.description] },
            "platform-details": .init { [$0.platformDetails] },
            "block-device-mapping.device-name": .init { [$0.rootDeviceName] },
            "block-device-mapping.volume-size": .init { [String($0.volumeSize)] },
            "creation-date": .init { [$0.creationDate] },
        ],
        tags: { $0.tagSet.map { ($0.key, $0.value) } }, tagPushdown: true)

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let filters = try FilterSet(input.filters, table: filterTable)
        let ids = try (input.imageIds ?? []).map { id throws(EC2Error) in try EC2ID.parse(id, as: .image) }
        let maxResults = try MaxResults.validate(input.maxResults)
        // Deregistered here lately: not listed, and asked for by id an empty answer, not NotFound (as EC2).
        let deregistered = Set(ids.map(\.description).filter { ImageLookup.isDeregistered($0, in: context) })
        let live = ids.filter { !deregistered.contains($0.description) }
        var parameters = Parameters()
        if let names = filters.pushdownValues("name"), names.count == 1 { parameters["name"] = names[0] }
        if case let tags = context.tagPushdown(filters), !tags.isEmpty { parameters.setTags(tags) }

        let owners = input.owners ?? []
        let scope = Pager.scope(
            [
                name, context.accessKeyID, Pager.describe(input.filters), owners.joined(separator: ","),
                (input.executableUsers ?? []).joined(separator: ","), (input.imageIds ?? []).joined(separator: ","),
            ])
        if ids.isEmpty, CloudStackPager.isPaged(maxResults: maxResults, nextToken: input.nextToken) {
            let query = PageQuery(
                filters: filters, parameters: parameters, publicOnly: (input.executableUsers ?? []).contains("all"))
            return try await page(
                query, owners: owners, maxResults: maxResults ?? 1000, nextToken: input.nextToken, scope: scope, in: context)
        }
        var rows: [String: Template] = [:]
        var order: [String] = []
        func add(_ templates: [Template], accountFilter: String? = nil) {
            for template in templates {
                guard let id = template.id, accountFilter == nil || template.account == accountFilter, rows[id] == nil else { continue }
                rows[id] = template
                order.append(id)
            }
        }
        func fetch(_ filter: String) async throws(EC2Error) -> [Template] {
            if live.count == 1 { return try await ImageLookup.templates(imageID: live[0], filter: filter, extra: parameters, in: context) }
            return try await ImageLookup.templates(filter: filter, extra: parameters, in: context)
        }
        let nothingToFind = !ids.isEmpty && live.isEmpty
        if !nothingToFind {
            if owners.isEmpty {
                add(try await fetch("executable"))
                // The caller's own templates still being created are theirs to see, though not yet executable.
                add(try await fetch("self"))
            }
            for owner in owners {
                switch owner {
                case "self": add(try await fetch("self"))
                case "amazon", "aws-marketplace": add(try await fetch("featured"))
                default: add(try await fetch("executable"), accountFilter: owner)
                }
            }
        }
        var views = order.compactMap { id -> ImageView? in
            guard var template = rows[id] else { return nil }
            template.tags = context.withPendingTags(template.tags, on: id)
            return ImageView(template)
        }
        if !nothingToFind && (owners.isEmpty || owners.contains("self")) {
            views += try await sourceViews(excluding: Set(views.map(\.imageId)), ids: live, in: context)
        }
        views = views.filter { !ImageLookup.isDeregistered($0.imageId, in: context) }
        for user in input.executableUsers ?? [] where user == "all" {
            views = views.filter(\.isPublic)
        }
        if !ids.isEmpty {
            let wanted = Set(ids.map(\.description))
            views = views.filter { wanted.contains($0.imageId) }
            let found = Set(views.map(\.imageId))
            let missing = ids.map(\.description).filter { !found.contains($0) && !deregistered.contains($0) }
            if !missing.isEmpty { throw EC2Error.notFound(.image, ids: missing) }
        }
        views = filters.apply(views).sorted { $0.imageId.utf8.lexicographicallyPrecedes($1.imageId.utf8) }
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            views, key: \.imageId, maxResults: maxResults, nextToken: input.nextToken)
        return Output(imagesSet: page.items, nextToken: page.nextToken)
    }

    /// The images CreateImage is still making from snapshots (or failed to), moved on where their
    /// snapshot is ready, and those whose template the listing above did not include.
    static func sourceViews(excluding listed: Set<String>, ids: [EC2ID], in context: ActionContext) async throws(EC2Error) -> [ImageView] {
        let wanted = Set(ids.map(\.description))
        let open = try await ImageSource.all(in: context).filter { source in
            !listed.contains(source.imageID) && (wanted.isEmpty || wanted.contains(source.imageID))
        }
        return try await views(of: open, excluding: listed, in: context)
    }

    /// The images of these CreateImage sources, each moved on where its snapshot is ready: its template's view once
    /// it has one (unless `listed` holds that image), else the pending or failed image.
    static func views(of open: [ImageSource], excluding listed: Set<String>, in context: ActionContext) async throws(EC2Error)
        -> [ImageView]
    {
        var views: [ImageView] = []
        for source in try await ImageSource.withSnapshots(open, in: context) {
            let current = try await source.advanced(in: context)
            if let uuid = current.templateUUID, uuid != "none", let template = try await ImageLookup.template(uuid: uuid, in: context) {
                if let view = ImageView(template), !listed.contains(view.imageId) { views.append(view) }
                continue
            }
            if let view = current.view(templateExists: false, now: context.clock.epochSeconds) { views.append(view) }
        }
        return views
    }
}

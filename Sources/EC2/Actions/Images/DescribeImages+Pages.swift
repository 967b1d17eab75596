import CloudStack

/// `DescribeImages` with `MaxResults`/`NextToken`: pages cut from listTemplates' own pages (`CloudStackPager`), so a
/// page costs the CloudStack pages it reads, not every template the caller can see (issue 16).
///
/// The images are the union of one or more templatefilter lists (`phases`): with no `Owner`, `executable` then
/// `self` (the caller's templates not yet executable); with owners, one list per owner. Each list is read with
/// `showunique=true` (one row per template, not one per zone). A row of a later list whose template an earlier list
/// holds is left out, found with one `listTemplates ids=` call per earlier list for the rows of the page only. The
/// images CreateImage is still making from snapshots come last. The token's scope names its phase, so a token
/// says which list it resumes, and stays opaque, authenticated and bound to caller, action and query.
extension DescribeImages {
    /// One templatefilter list of the union, and the account its rows must belong to (`Owner` an account name).
    struct Phase: Equatable, Sendable {
        let filter: String
        let account: String?
    }

    /// The lists `owners` asks for, in order, each once.
    static func phases(owners: [String]) -> [Phase] {
        if owners.isEmpty { return [Phase(filter: "executable", account: nil), Phase(filter: "self", account: nil)] }
        var phases: [Phase] = []
        for owner in owners {
            let phase: Phase
            switch owner {
            case "self": phase = Phase(filter: "self", account: nil)
            case "amazon", "aws-marketplace": phase = Phase(filter: "featured", account: nil)
            default: phase = Phase(filter: "executable", account: owner)
            }
            if !phases.contains(phase) { phases.append(phase) }
        }
        return phases
    }

    /// What the rows of every phase are checked against.
    struct PageQuery: Sendable {
        let filters: FilterSet<ImageView>
        /// The pushed-down `name` and tags, for every list.
        let parameters: Parameters
        let publicOnly: Bool
    }

    /// The page of at most `maxResults` images after `nextToken` (nil: the first), and the token for the rest.
    static func page(
        _ query: PageQuery, owners: [String], maxResults: Int, nextToken: String?, scope: String, in context: ActionContext
    ) async throws(EC2Error) -> Output {
        let phases = Self.phases(owners: owners)
        let withSources = owners.isEmpty || owners.contains("self")
        let phased = PhasedPager(scope: scope, phases: phases.count + (withSources ? 1 : 0), in: context)
        var (phase, token) = try phased.resume(nextToken)
        var items: [ImageView] = []
        while phase < phases.count {
            var parameters = query.parameters
            parameters["templatefilter"] = phases[phase].filter
            parameters["showunique"] = "true"
            let current = phase
            let (rows, next) = try await phased.pagers[phase].page(
                CommandTable.listTemplates, parameters, id: \.id, maxResults: maxResults - items.count, nextToken: token, in: context
            ) { (rows: ArraySlice<Template>) async throws(EC2Error) -> [ImageView?] in
                try await render(rows, phase: current, of: phases, query, in: context)
            }
            items += rows
            if let next { return Output(imagesSet: items, nextToken: next) }
            (phase, token) = (phase + 1, nil)
            if items.count >= maxResults { return Output(imagesSet: items, nextToken: phased.start(of: phase)) }
        }
        guard withSources else { return Output(imagesSet: items, nextToken: nil) }
        // The images still being made from snapshots: few (CreateImage calls in flight), read whole and cut by offset.
        let pending = try await pendingViews(in: context).filter { view in
            query.filters.matches(view) && (!query.publicOnly || view.isPublic)
        }
        let (held, next) = try phased.page(pending, from: token, phase: phase, room: maxResults - items.count)
        items += held
        return Output(imagesSet: items, nextToken: next)
    }

    /// The images of a run of one list's rows: nil for a row of another account (an `Owner` account's list), one an
    /// earlier list holds, one deregistered here lately, or one the filters drop.
    private static func render(
        _ rows: ArraySlice<Template>, phase: Int, of phases: [Phase], _ query: PageQuery, in context: ActionContext
    ) async throws(EC2Error) -> [ImageView?] {
        var earlier: Set<String> = []
        let ids = Array(Set(rows.compactMap(\.id))).sorted()
        if phase > 0, !ids.isEmpty {
            for before in phases[..<phase] {
                var parameters = Parameters()
                parameters["templatefilter"] = before.filter
                parameters["showunique"] = "true"
                parameters.setList("ids", ids)
                for template in try await context.list(CommandTable.listTemplates, parameters)
                where before.account == nil || template.account == before.account {
                    if let id = template.id { earlier.insert(id) }
                }
            }
        }
        let account = phases[phase].account
        return rows.map { row in
            guard let id = row.id, !earlier.contains(id), account == nil || row.account == account else { return nil }
            var template = row
            template.tags = context.withPendingTags(template.tags, on: id)
            guard let view = ImageView(template), !ImageLookup.isDeregistered(view.imageId, in: context),
                !query.publicOnly || view.isPublic, query.filters.matches(view)
            else { return nil }
            return view
        }
    }

    /// The images CreateImage is still making from snapshots (or failed to), moved on where their snapshot is ready.
    /// One whose template exists is in the caller's `self` list, so it is left to that list unless the template was
    /// made just now, by this read.
    private static func pendingViews(in context: ActionContext) async throws(EC2Error) -> [ImageView] {
        let open = try await ImageSource.all(in: context).filter { $0.templateUUID == nil }
        return try await views(of: open, excluding: [], in: context).filter { !ImageLookup.isDeregistered($0.imageId, in: context) }
    }
}

import JSON

/// `BaseListCmd` rules plus the filters every list shares: scope (own account, `listall`,
/// `account`/`domainid`), `keyword`, `tags[i].key/value`, and page/pagesize.
struct ListQuery {
    /// CloudStack's `default.page.size`, also the maximum.
    static let maxPageSize = 500

    let startIndex: Int
    let pageSize: Int?
    let keyword: String?
    let tagFilters: [(key: String?, value: String?)]
    private let scopeAccountIDs: Set<String>?

    /// Validates paging and resolves the scope of the caller's request.
    init(_ call: Call, world: World) throws {
        let page = try call.int("page")
        let size = try call.int("pagesize")
        switch (page, size) {
        case (nil, nil):
            startIndex = 0
            pageSize = nil
        case (.some, nil):
            throw APIError.invalid("\"pagesize\" parameter is required when \"page\" is specified")
        case (nil, .some(let size)):
            if size == -1 {
                startIndex = 0
                pageSize = nil
            } else {
                throw APIError.invalid("\"page\" parameter is required when \"pagesize\" is specified")
            }
        case (.some(let page), .some(let size)):
            if size == -1 { throw APIError.invalid("Can't specify page parameter when pagesize is -1 (Unlimited)") }
            if size > ListQuery.maxPageSize {
                throw APIError.invalid("Page size can't exceed max allowed page size value: \(ListQuery.maxPageSize)")
            }
            guard page >= 1, size >= 1 else { throw APIError.invalid("Invalid page or pagesize value") }
            // A huge page number lands past the end instead of overflowing.
            let (start, overflow) = (page - 1).multipliedReportingOverflow(by: size)
            startIndex = overflow ? Int.max : start
            pageSize = size
        }
        keyword = call.string("keyword")?.lowercased()
        tagFilters = call.map("tags").map { ($0["key"], $0["value"]) }
        scopeAccountIDs = try ListQuery.scope(call, world: world)
    }

    /// nil means every account (root admin with `listall=true`).
    private static func scope(_ call: Call, world: World) throws -> Set<String>? {
        let caller = call.caller
        if !caller.isAdmin {
            if let name = call.string("account"), name != caller.account.name {
                throw APIError.permission("Account \(caller.account.name) can't access account \(name)")
            }
            return [caller.account.id]
        }
        if let name = call.string("account") {
            let domainID = call.string("domainid") ?? caller.account.domainID
            guard let account = world.accounts.all.first(where: { $0.name == name && $0.domainID == domainID }) else {
                throw APIError.invalid("Unable to find account \(name) in domain id=\(domainID)")
            }
            return [account.id]
        }
        if let domainID = call.string("domainid") {
            guard world.domains[domainID] != nil else { throw APIError.invalidUUID(call.name, "domainid", domainID) }
            return Set(world.accounts.filter { $0.domainID == domainID }.map(\.id))
        }
        if call.bool("listall") == true { return nil }
        return [caller.account.id]
    }

    /// Whether a resource owned by `accountID` is in scope.
    func includes(account accountID: String?) -> Bool {
        guard let scopeAccountIDs else { return true }
        guard let accountID else { return true }
        return scopeAccountIDs.contains(accountID)
    }

    /// Whether any of `fields` contains the keyword (case-insensitive, like MySQL `LIKE %kw%`).
    func matchesKeyword(_ fields: String...) -> Bool {
        guard let keyword else { return true }
        return fields.contains { $0.lowercased().contains(keyword) }
    }

    /// Whether a resource's tags satisfy every `tags[i]` filter.
    func matchesTags(_ tags: [ResourceTag]) -> Bool {
        for filter in tagFilters {
            let hit = tags.contains { tag in
                (filter.key == nil || tag.key == filter.key) && (filter.value == nil || tag.value == filter.value)
            }
            if !hit { return false }
        }
        return true
    }

    /// Writes `{"count":N,"<item>":[…]}`, `{"count":N}` past the end, or `{}` when nothing matched.
    func write<T>(_ items: [T], item: StaticString, into w: inout JSONWriter, _ writeItem: (T, inout JSONWriter) -> Void) {
        w.beginObject()
        if !items.isEmpty {
            w.member("count", items.count)
            let end = pageSize.map { startIndex >= items.count ? startIndex : min(items.count, startIndex + $0) } ?? items.count
            if startIndex < end {
                w.key(item)
                w.beginArray()
                for index in startIndex..<end { writeItem(items[index], &w) }
                w.endArray()
            }
        }
        w.endObject()
    }
}

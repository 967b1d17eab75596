import Crypto

/// `maxResults`, `pageToken`, `filter` and `orderBy` of a list call, applied to the scope's full result.
///
/// Page tokens are opaque and authenticated (`PageToken`): the next offset sealed with an HMAC bound to the
/// caller, the list (kind and collection: method and scope), the filter and the order, so a token is only
/// accepted from the caller it was issued to, for the query it came from, on any bridge holding the same key.
struct ListOptions {
    let maxResults: Int
    let filter: ListFilter
    let orderBy: String?
    /// The request's `pageToken` as sent (checked against its binding in `page`); nil for the first page.
    private let token: PageToken?
    /// Filter and order exactly as sent: part of what a token is bound to.
    private let boundQuery: [String]

    init(_ query: FormFields) throws(GCEError) {
        if let text = query["maxResults"] {
            guard let value = Int(text), value >= 0 else { throw GCEError.invalid("Invalid value for field 'maxResults': '\(text)'") }
            guard value <= 500 else {
                throw GCEError.invalid("Invalid value for field 'maxResults': \(value). Must be less than or equal to 500")
            }
            maxResults = value == 0 ? 500 : value
        } else {
            maxResults = 500
        }
        filter = try ListFilter(query["filter"] ?? "")
        orderBy = query["orderBy"].flatMap { $0.isEmpty ? nil : $0 }
        if let order = orderBy, order != "name", order != "creationTimestamp desc", order != "creationTimestamp" {
            throw GCEError.invalid(
                "Invalid value for field 'orderBy': '\(order)'. Supported: name, creationTimestamp, creationTimestamp desc")
        }
        boundQuery = [query["filter"] ?? "", orderBy ?? ""]
        if let text = query["pageToken"], !text.isEmpty {
            guard let parsed = PageToken(text) else { throw PageToken.invalid(text) }
            token = parsed
        } else {
            token = nil
        }
    }

    /// Regular-expression steps one list request may spend filtering (see `ListFilter.matches(_:budget:)`): tens
    /// of milliseconds of loop time at most.
    static let filterStepBudget = 4_000_000

    /// Whether the list can be cut from CloudStack's own pages: any order but CloudStack's needs the whole list.
    var followsCloudStackOrder: Bool { orderBy == nil }

    /// The position the request's token holds, if issued under `binding` for this query (nil on the first page).
    func position(_ binding: PageToken.Binding) throws(GCEError) -> PageToken.Position? {
        try token.map { token throws(GCEError) in try token.position(binding, query: boundQuery) }
    }

    /// The token for the page starting at `position`, bound to `binding` and this query.
    func token(offset: Int, lastID: String?, _ binding: PageToken.Binding) -> String {
        PageToken.issue(offset: offset, lastID: lastID, binding, query: boundQuery)
    }

    /// Whether `item` passes the filter, spending from `budget` (see `filterStepBudget`).
    func keeps<T: Filterable>(_ item: T, budget: inout Int) throws(GCEError) -> Bool { try filter.matches(item, budget: &budget) }

    /// Filters, orders and cuts one page; returns the page and the next token, bound to `binding` (who asks for
    /// which list: see `PageToken.Binding`). A token issued under another binding is refused with a 400.
    func page<T: Filterable>(
        _ items: [T], binding: PageToken.Binding, name: (T) -> String, created: (T) -> String? = { _ in nil }
    ) throws(GCEError) -> ([T], String?) {
        var offset = 0
        if let token { offset = try token.offset(binding, query: boundQuery) }
        var budget = Self.filterStepBudget
        var kept: [T] = []
        for item in items where try filter.matches(item, budget: &budget) { kept.append(item) }
        switch orderBy {
        case "name": kept.sort { name($0) < name($1) }
        case "creationTimestamp": kept.sort { (created($0) ?? "") < (created($1) ?? "") }
        case "creationTimestamp desc": kept.sort { (created($0) ?? "") > (created($1) ?? "") }
        default: break
        }
        guard offset < kept.count else { return ([], nil) }
        let end = min(kept.count, offset + maxResults)
        let next = end < kept.count ? PageToken.issue(offset: end, binding, query: boundQuery) : nil
        return (Array(kept[offset..<end]), next)
    }
}

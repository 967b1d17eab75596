import Crypto

/// `maxResults`, `pageToken`, `filter` and `orderBy` of a list call, applied to the scope's full result.
///
/// Page tokens are opaque: base64url of the next offset and a fingerprint of filter and order, so a token
/// is only accepted with the query it came from, on any bridge instance.
struct ListOptions {
    let maxResults: Int
    let offset: Int
    let filter: ListFilter
    let orderBy: String?
    private let queryFingerprint: String

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
        queryFingerprint = Fingerprint.of([query["filter"] ?? "", orderBy ?? ""])
        if let token = query["pageToken"], !token.isEmpty {
            guard let bytes = JWTBearer.base64URL(token), let text = Optional(String(decoding: bytes, as: UTF8.self)),
                let bar = text.firstIndex(of: "|"), let value = Int(text[..<bar]), value >= 0,
                String(text[text.index(after: bar)...]) == queryFingerprint
            else { throw GCEError.invalid("Invalid value for field 'pageToken': '\(token)'") }
            offset = value
        } else {
            offset = 0
        }
    }

    /// Regular-expression steps one list request may spend filtering (see `ListFilter.matches(_:budget:)`): tens
    /// of milliseconds of loop time at most.
    static let filterStepBudget = 4_000_000

    /// Filters, orders and cuts one page; returns the page and the next token.
    func page<T: Filterable>(_ items: [T], name: (T) -> String, created: (T) -> String? = { _ in nil }) throws(GCEError)
        -> ([T], String?)
    {
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
        let token = end < kept.count ? Base64.encode(Array("\(end)|\(queryFingerprint)".utf8), urlSafe: true, padding: false) : nil
        return (Array(kept[offset..<end]), token)
    }
}

import Pipeline

/// A request's parameters after CloudStack's intake (`ApiServlet.utf8Fixup`).
///
/// The raw query (and an urlencoded POST form) is split on `&`, each piece on its first `=`;
/// pieces without `=` are dropped; names and values are URL-decoded; the first value of a
/// repeated name wins. `signed` keeps original-case names for the signature; lookups by
/// name ignore case, as `ParamUnpackWorker` lower-cases names after verification.
struct Parameters: Sendable {
    /// Decoded pairs, one per distinct case-sensitive name, first occurrence kept, in arrival order.
    private(set) var signed: [(name: String, value: String)] = []
    /// Lower-cased name to value, first occurrence wins.
    private var byName: [String: String] = [:]

    /// Parses a raw query string and, when present, a raw form body.
    init(query: Substring, form: [UInt8]? = nil) {
        var seen = Set<String>()
        add(Substring(query).utf8, seen: &seen)
        if let form { add(form[...], seen: &seen) }
    }

    /// Creates parameters from already-decoded pairs (tests and internal calls).
    init(_ pairs: [(String, String)]) {
        var seen = Set<String>()
        for (name, value) in pairs { insert(name, value, seen: &seen) }
    }

    /// The value of a parameter, looked up without regard to case; `name` must be lower case.
    subscript(_ name: String) -> String? { byName[name] }

    /// Every lower-cased name that was sent.
    var names: Dictionary<String, String>.Keys { byName.keys }

    private mutating func add<C: Collection<UInt8>>(_ bytes: C, seen: inout Set<String>) {
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            let piece = bytes[start..<end]
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                let name = PercentDecoding.decodeLeniently(piece[piece.startIndex..<equals])
                let value = PercentDecoding.decodeLeniently(piece[piece.index(after: equals)...])
                if !name.isEmpty { insert(name, value, seen: &seen) }
            }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
    }

    private mutating func insert(_ name: String, _ value: String, seen: inout Set<String>) {
        if seen.insert(name).inserted { signed.append((name, value)) }
        let lower = name.lowercased()
        if byName[lower] == nil { byName[lower] = value }
    }
}

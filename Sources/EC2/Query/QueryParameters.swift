public import Pipeline

/// The decoded parameters of one EC2 Query request: the URL query and the form body, merged.
///
/// Both sources are merged into one table, as AWS does for the Query protocol (SigV2 docs: the
/// parameters "can come from the GET URI or from the POST body"); SigV2 signs the merged set, SigV4
/// signs the query in the canonical request and the body through its payload hash, so everything an
/// action reads is covered by the signature. A name given twice is refused rather than resolved
/// silently (no AWS SDK ever repeats a name; lists use distinct `.N` indices).
public struct QueryParameters: Sendable {
    /// Every field in arrival order (query first, then body), names and values decoded.
    public let fields: [(name: String, value: String)]
    /// The query's fields alone, decoded: what SigV4 canonicalises.
    public let queryFields: [(name: String, value: String)]
    private let index: [String: Int]

    /// Parses a raw query string and an optional raw form body.
    public init(rawQuery: some Collection<UInt8>, formBody: [UInt8]? = nil) throws(EC2Error) {
        let query = try QueryParameters.parse(rawQuery)
        var all = query
        if let formBody {
            all.append(contentsOf: try QueryParameters.parse(formBody))
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(all.count)
        for (position, field) in all.enumerated() {
            if index.updateValue(position, forKey: field.name) != nil {
                throw EC2Error.invalidParameterValue("The parameter \(field.name) is specified more than once")
            }
        }
        self.fields = all
        self.queryFields = query
        self.index = index
    }

    /// Parses the parameters of a pipeline request: its raw query, plus its body when it is a form.
    public init(request: Request) throws(EC2Error) {
        try self.init(rawQuery: request.rawQuery.utf8, formBody: request.hasFormBody ? request.body : nil)
    }

    /// The value of a parameter, if present.
    public subscript(name: String) -> String? {
        guard let position = index[name] else { return nil }
        return fields[position].value
    }

    /// Whether a parameter is present.
    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// Splits `a=b&c=d` into decoded pairs; empty segments are skipped, a missing `=` is an empty value.
    public static func parse(_ raw: some Collection<UInt8>) throws(EC2Error) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for segment in raw.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { segment[segment.startIndex..<$0] } ?? segment[...]
            let rawValue = equals.map { segment[segment.index(after: $0)...] } ?? segment[segment.endIndex...]
            // `+` means space in both the query and the form body: EC2's Query protocol is form encoding, and
            // every AWS SDK sends a literal plus as `%2B` (botocore `percent_encode`). A bad escape or bytes
            // that are not UTF-8 are refused, as AWS refuses them.
            guard let name = PercentDecoding.decode(rawName, .strict), let value = PercentDecoding.decode(rawValue, .strict)
            else { throw EC2Error.malformedQueryString() }
            if name.isEmpty { continue }
            out.append((name, value))
        }
        return out
    }
}

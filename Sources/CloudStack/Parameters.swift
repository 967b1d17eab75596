/// The parameters of one CloudStack command, in insertion order; a name appears at most once.
///
/// Names are sent verbatim (CloudStack matches them case-insensitively after the signature check, but
/// signs them case-sensitively), so use the lower-case names of listApis.json.
public struct Parameters: Sendable, ExpressibleByDictionaryLiteral {
    /// The name/value pairs.
    public private(set) var pairs: [(name: String, value: String)] = []

    /// Creates an empty parameter list.
    public init() {}

    /// Creates a parameter list from literal pairs, e.g. `["id": vmID, "forced": "true"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The value of a parameter; setting replaces it, setting `nil` removes it.
    public subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    /// Sets a `list` parameter: CloudStack reads comma-separated values (`ids=a,b,c`).
    public mutating func setList(_ name: String, _ values: [String]) {
        self[name] = values.isEmpty ? nil : values.joined(separator: ",")
    }

    /// Sets a `map` parameter: entry `i`'s fields become `name[i].field=value`.
    public mutating func setMap(_ name: String, _ entries: [[(field: String, value: String)]]) {
        for (index, entry) in entries.enumerated() {
            for (field, value) in entry { self["\(name)[\(index)].\(field)"] = value }
        }
    }

    /// Sets the `tags` map from key/value pairs (`tags[0].key=k&tags[0].value=v`).
    public mutating func setTags(_ tags: [(key: String, value: String)], name: String = "tags") {
        setMap(name, tags.map { [("key", $0.key), ("value", $0.value)] })
    }

    /// The number of parameters.
    public var count: Int { pairs.count }
}

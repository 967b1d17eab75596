/// Whether a member a client sent back equals the bridge's current value, as protobuf JSON clients write it:
/// defaults (`false`, `""`, `[]`, `{}`, null) may be left out or written, int64 may be a number or a string, and a
/// nested object the client sends may leave members out (they are not compared).
enum BodyComparison {
    static func matches(_ given: BodyValue, _ current: BodyValue?) -> Bool {
        guard let current else { return isDefault(given) }
        switch (given, current) {
        case (.null, _): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string, .string), (.number, .string), (.string, .number), (.number, .number): return given.string == current.string
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        case (.object(let members), .object):
            return members.allSatisfy { matches($0.1, current[$0.0]) }
        default: return isDefault(given) && isDefault(current)
        }
    }

    private static func isDefault(_ value: BodyValue) -> Bool {
        switch value {
        case .null: true
        case .bool(let flag): !flag
        case .string(let text): text.isEmpty
        case .number(let text): text == "0"
        case .array(let items): items.isEmpty
        case .object(let members): members.allSatisfy { isDefault($0.1) }
        }
    }
}

import Foundation
import Testing

/// Checks a decoded model against Foundation's independent parse of the same JSON, field by field:
/// every model property (named exactly as its wire field) must equal the JSON value (with CloudStack's
/// loose typing: `"true"` for booleans, numbers kept as text in string fields, `"Unlimited"` → absent).
/// Returns how many fields were compared with a present value, so callers can assert coverage.
@discardableResult
func expectMatches(_ model: Any, _ json: [String: Any], _ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var compared = 0
    for child in Mirror(reflecting: model).children {
        guard let label = child.label else { continue }
        let typeName = "\(type(of: child.value))"
        let present = json[label].flatMap { $0 is NSNull ? nil : $0 }
        let unwrapped: Any? = typeName.hasPrefix("Optional<") ? Mirror(reflecting: child.value).children.first?.value : child.value
        let where_ = "\(path).\(label)"
        switch typeName {
        case "Optional<String>":
            let expected: String? =
                switch present {
                case let s as String: s
                case let n as NSNumber: String(cString: n.objCType) == "c" ? (n.boolValue ? "true" : "false") : n.stringValue
                default: nil
                }
            if let actual = unwrapped as? String, let expected, present is NSNumber {
                // Number literals are kept verbatim; Foundation may print them differently (1.0E9 vs 1000000000).
                #expect(Double(actual) == Double(expected), "\(where_)", sourceLocation: sourceLocation)
            } else {
                #expect(unwrapped as? String == expected, "\(where_)", sourceLocation: sourceLocation)
            }
        case "Optional<Bool>":
            let expected: Bool? =
                switch present {
                case let n as NSNumber: n.boolValue
                case let s as String: s.lowercased() == "true" ? true : (s.lowercased() == "false" ? false : nil)
                default: nil
                }
            #expect(unwrapped as? Bool == expected, "\(where_)", sourceLocation: sourceLocation)
        case "Optional<Int64>":
            let expected: Int64? =
                switch present {
                case let n as NSNumber: n.int64Value
                case let s as String: Int64(s)
                default: nil
                }
            #expect(unwrapped as? Int64 == expected, "\(where_)", sourceLocation: sourceLocation)
        case "Optional<Double>":
            let expected: Double? =
                switch present {
                case let n as NSNumber: n.doubleValue
                case let s as String: Double(s)
                default: nil
                }
            #expect(unwrapped as? Double == expected, "\(where_)", sourceLocation: sourceLocation)
        case "Array<String>":
            let expected = (present as? [Any])?.compactMap { $0 as? String } ?? []
            #expect(unwrapped as? [String] == expected, "\(where_)", sourceLocation: sourceLocation)
        case "Dictionary<String, String>":
            let expected = (present as? [String: Any])?.compactMapValues { "\($0)" } ?? [:]
            #expect(unwrapped as? [String: String] == expected, "\(where_)", sourceLocation: sourceLocation)
        case "Optional<Array<UInt8>>":
            #expect((unwrapped == nil) == (present == nil), "\(where_)", sourceLocation: sourceLocation)
        case _ where typeName.hasPrefix("Array<"):
            let items = Mirror(reflecting: child.value).children.map(\.value)
            let expected: [[String: Any]]
            switch present {
            case let list as [[String: Any]]: expected = list
            case let one as [String: Any]: expected = one.isEmpty ? [] : [one]
            default: expected = []
            }
            #expect(items.count == expected.count, "\(where_) count", sourceLocation: sourceLocation)
            for (index, (item, object)) in zip(items, expected).enumerated() {
                compared += expectMatches(item, object, "\(where_)[\(index)]", sourceLocation: sourceLocation)
            }
        default:
            Issue.record("unhandled field type \(typeName) at \(where_)", sourceLocation: sourceLocation)
        }
        if present != nil { compared += 1 }
    }
    return compared
}

/// Foundation's parse of a sample (independent of JSONReader).
func foundationObject(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

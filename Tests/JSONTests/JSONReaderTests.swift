import JSON
import Testing

/// Reads a whole document into a `Value` tree (tests only) so results are easy to compare.
indirect enum Value: Equatable {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null

    static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    static func read(_ reader: inout JSONReader) throws(JSONError) -> Value {
        switch try reader.nextKind() {
        case .object:
            try reader.beginObject()
            var members: [(String, Value)] = []
            while let key = try reader.nextKey() { members.append((key.string, try read(&reader))) }
            return .object(members)
        case .array:
            try reader.beginArray()
            var items: [Value] = []
            while try reader.nextElement() { items.append(try read(&reader)) }
            return .array(items)
        case .string: return .string(try reader.string())
        case .number:
            var copy = reader
            if let i = try? copy.int64() {
                reader = copy
                return .int(i)
            }
            return .double(try reader.double())
        case .bool: return .bool(try reader.bool())
        case .null:
            _ = try reader.readNull()
            return .null
        }
    }

    static func parse(_ text: String, maxDepth: Int = 64) throws(JSONError) -> Value {
        try JSONReader.read(Array(text.utf8), maxDepth: maxDepth) { (r: inout JSONReader) throws(JSONError) in
            let v = try read(&r)
            try r.finish()
            return v
        }
    }
}

@Test func readsEveryKindOfValue() throws {
    let v = try Value.parse(#" { "a" : [1, -2, 3.5, 1e3, true, false, null, "x"], "b": {}, "c": [] } "#)
    #expect(
        v
            == .object([
                ("a", .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null, .string("x")])),
                ("b", .object([])), ("c", .array([])),
            ]))
}

@Test func unescapesStringsIncludingSurrogatePairs() throws {
    let v = try Value.parse(#"["a\"b\\c\/d\n\t\r\b\f", "\u00e9\u65E5", "\ud83d\ude00", "\ud83d x", "\u0000"]"#)
    #expect(v == .array([.string("a\"b\\c/d\n\t\r\u{8}\u{c}"), .string("é日"), .string("😀"), .string("\u{FFFD} x"), .string("\u{0}")]))
}

@Test func toleratesRawControlAndNonASCIIBytesInStrings() throws {
    var bytes = Array(#"{"k":"a"#.utf8)
    bytes += [0x01, 0x0A, 0xC3, 0xA9, 0xFF]
    bytes += Array(#"b"}"#.utf8)
    let s = try JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONError) -> String in
        try r.beginObject()
        guard let key = try r.nextKey(), "k" ~= key else { return "" }
        return try r.string()
    }
    #expect(s == "a\u{1}\né\u{FFFD}b")
}

@Test func matchesEscapedKeysByTheirUnescapedBytes() throws {
    let found = try JSONReader.read(Array(#"{"\u0069d": 7}"#.utf8)) { (r: inout JSONReader) throws(JSONError) -> Int64 in
        try r.beginObject()
        while let key = try r.nextKey() {
            switch key {
            case "id": return try r.int64()
            default: try r.skip()
            }
        }
        return -1
    }
    #expect(found == 7)
}

@Test func int64LimitsAndNumberGrammar() throws {
    #expect(try Value.parse("9223372036854775807") == .int(Int64.max))
    #expect(try Value.parse("-9223372036854775808") == .int(Int64.min))
    // Out of Int64 range falls back to Double in the test tree.
    #expect(try Value.parse("9223372036854775808") == .double(9223372036854775808))
    for bad in ["01", "-", "1.", ".5", "1e", "+1", "-a", "1.e5"] {
        #expect(throws: JSONError.self, "\(bad)") { try Value.parse(bad) }
    }
}

@Test(arguments: [
    "", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1,}", "[1,]", "[1 2]", "{\"a\" 1}", "{,\"a\":1}", "[,1]",
    "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "{\"a\":1}}", "{} x", "{1:2}", "]", "}",
])
func rejectsMalformedInput(_ text: String) {
    #expect(throws: JSONError.self) { try Value.parse(text) }
}

@Test func nestingDepthIsLimited() throws {
    let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(throws: JSONError(.tooDeep, at: 64)) { try Value.parse(deep) }
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    _ = try Value.parse(ok)
    // skip() enforces the same limit.
    #expect(throws: JSONError.self) {
        try JSONReader.read(Array(deep.utf8), maxDepth: 10) { (r: inout JSONReader) throws(JSONError) in try r.skip() }
    }
}

@Test func typeMismatchesAreReported() {
    #expect(throws: JSONError(.typeMismatch(expected: .string, found: .number), at: 0)) {
        try JSONReader.read(Array("12".utf8)) { (r: inout JSONReader) throws(JSONError) in _ = try r.string() }
    }
    #expect(throws: JSONError(.typeMismatch(expected: .number, found: .number), at: 0)) {
        try JSONReader.read(Array("1.5".utf8)) { (r: inout JSONReader) throws(JSONError) in _ = try r.int64() }
    }
}

@Test func rawValueKeepsExactBytesAndSkipValidates() throws {
    let text = #"{"jobresult": {"virtualmachine": {"id": "x", "n": [1, {"a": null}]}}, "after": 2}"#
    let (raw, after) = try JSONReader.read(Array(text.utf8)) { (r: inout JSONReader) throws(JSONError) -> ([UInt8], Int64) in
        var raw: [UInt8] = []
        var after: Int64 = 0
        try r.beginObject()
        while let key = try r.nextKey() {
            switch key {
            case "jobresult": raw = try r.rawValue()
            case "after": after = try r.int64()
            default: try r.skip()
            }
        }
        return (raw, after)
    }
    #expect(String(decoding: raw, as: UTF8.self) == #"{"virtualmachine": {"id": "x", "n": [1, {"a": null}]}}"#)
    #expect(after == 2)
}

@Test func wordAtATimeScanFindsQuotesAndEscapesAtEveryOffset() throws {
    // Cover every position of the terminator and of an escape relative to the 8-byte words.
    for length in 0..<40 {
        let plain = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
        #expect(try Value.parse("\"\(plain)\"") == .string(plain))
        #expect(try Value.parse("[\"\(plain)\\n\(plain)\", 1]") == .array([.string(plain + "\n" + plain), .int(1)]))
        #expect(throws: JSONError.self) { try Value.parse("\"\(plain)") }
    }
}

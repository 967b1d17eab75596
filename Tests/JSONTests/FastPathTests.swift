import Foundation
import JSON
import Testing

// The decode fast paths: keys as trivial views (escaped ones unescaped on demand) and strings that
// skip UTF-8 validation only when every byte was ASCII.

@Test func escapedKeysCountCompareAndPrintByTheirUnescapedBytes() throws {
    let keys = try JSONReader.read(Array(#"{"n\u0061me": 1, "\"q\"": 2, "plain": 3}"#.utf8)) {
        (r: inout JSONReader) throws(JSONError) -> [(Int, String, Bool, Bool)] in
        var out: [(Int, String, Bool, Bool)] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            out.append((key.byteCount, key.string, "name" ~= key, key.matches("\"q\"")))
            try r.skip()
        }
        return out
    }
    #expect(keys.map(\.0) == [4, 3, 5])
    #expect(keys.map(\.1) == ["name", "\"q\"", "plain"])
    #expect(keys.map(\.2) == [true, false, false])
    #expect(keys.map(\.3) == [false, true, false])
}

@Test func invalidEscapesInKeysStillThrow() {
    #expect(throws: JSONError.self) {
        try JSONReader.read(Array(#"{"a\qb": 1}"#.utf8)) { (r: inout JSONReader) throws(JSONError) in
            try r.beginObject()
            _ = try r.nextKey()
        }
    }
}

@Test func stringsAreFlaggedASCIIOnlyWhenEveryByteIs() throws {
    // A non-ASCII character at every offset relative to the 8-byte words, and non-ASCII bytes right
    // after the closing quote (in the same word) that must not taint the string before it.
    for length in 0..<24 {
        for position in 0...length {
            let ascii = String(repeating: "a", count: length)
            var mixed = String(repeating: "b", count: length)
            mixed.insert("é", at: mixed.index(mixed.startIndex, offsetBy: position))
            let strings = try JSONReader.read(Array("[\"\(ascii)\",\"é\",\"\(mixed)\"]".utf8)) {
                (r: inout JSONReader) throws(JSONError) -> [String] in
                var out: [String] = []
                try r.beginArray()
                while try r.nextElement() { out.append(try r.string()) }
                return out
            }
            #expect(strings == [ascii, "é", mixed])
            // A string wrongly marked ASCII reports its UTF-8 length as its UTF-16 length.
            #expect(strings.map(\.utf16.count) == [length, 1, length + 1])
            #expect(strings.map(\.utf8.count) == [length, 2, length + 2])
        }
    }
}

@Test func repeatedLongStringsAreSharedYetEveryValueStaysExact() throws {
    // Far more distinct long strings than the table has slots, each repeated, plus near-misses that
    // differ in one byte or in length, so collisions and replacements are exercised.
    var expected: [String] = []
    for i in 0..<3_000 {
        let id = "00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(i).count))\(i)"
        expected += [id, id, String(id.dropLast()), id + "x", id.replacingOccurrences(of: "4000", with: "4001")]
    }
    expected += ["exactly-16-bytes", "é-non-ascii-and-long-é", "é-non-ascii-and-long-é"]
    let body = "[" + expected.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    let strings = try JSONReader.read(Array(body.utf8)) { (r: inout JSONReader) throws(JSONError) -> [String] in
        var out: [String] = []
        try r.beginArray()
        while try r.nextElement() { out.append(try r.string()) }
        return out
    }
    // Counted, not compared whole: a failure would otherwise print 15,000 strings.
    #expect(strings.count == expected.count)
    #expect(zip(strings, expected).filter { $0 != $1 }.count == 0)
    #expect(zip(strings, expected).filter { $0.utf16.count != $1.utf16.count }.count == 0)
}

@Test func integralNumbersTruncateAndRefuseWhatInt64CannotHold() throws {
    let body = "[1, -7, 0, 1.5E9, 2.5, -2.5, 9223372036854775807, 9223372036854775808, -9223372036854775808, 1e400, 3]"
    let values = try JSONReader.read(Array(body.utf8)) { (r: inout JSONReader) throws(JSONError) -> [Int64?] in
        var out: [Int64?] = []
        try r.beginArray()
        while try r.nextElement() { out.append(try r.integralNumber()) }
        return out
    }
    #expect(values == [1, -7, 0, 1_500_000_000, 2, -2, Int64.max, nil, Int64.min, nil, 3])
}

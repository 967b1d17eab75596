extension JSONReader {
    // MARK: Strings

    /// Reads a string value, unescaping it.
    ///
    /// Lenient where CloudStack is sloppy: its serializer un-escapes `\uXXXX` after Gson wrote it, so
    /// raw control characters and raw non-ASCII appear inside strings; both are accepted, and invalid
    /// UTF-8 becomes U+FFFD.
    @inlinable @inline(__always)
    public mutating func string() throws(JSONError) -> String {
        let byte = try peekByte()
        guard byte == UInt8(ascii: "\"") else { throw mismatch(.string, byte) }
        let start = index + 1
        let (i, ascii) = findQuoteOrBackslashNotingASCII(from: start)
        guard i < bytes.count else {
            index = i
            throw JSONError(.unexpectedEnd, at: i)
        }
        if bytes[i] == UInt8(ascii: "\"") {
            index = i + 1
            // `start..<i` lies inside `bytes`, so the unchecked view is in bounds.
            let run = UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: i - start)
            // Over 15 bytes a String allocates: share it when the same bytes were read before.
            if run.count > 15, let strings {
                return strings._withUnsafeGuaranteedRef { table in
                    ascii ? table.string(for: run, make: Self.asciiString) : table.string(for: run) { String(decoding: $0, as: UTF8.self) }
                }
            }
            if ascii { return Self.asciiString(run) }
            return String(decoding: run, as: UTF8.self)
        }
        return String(decoding: try readEscapedString(), as: UTF8.self)
    }

    /// A `String` from bytes already known to be ASCII, skipping the UTF-8 validation that
    /// `String(decoding:as:)` repeats (most of a CloudStack answer is ASCII ids and names).
    @inlinable @inline(__always)
    static func asciiString(_ run: UnsafeBufferPointer<UInt8>) -> String {
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: run), isKnownASCII: true))
        }
        return String(decoding: run, as: UTF8.self)
    }

    /// Reads the string at `index` (on its `"`) into unescaped UTF-8 bytes.
    @usableFromInline
    mutating func readEscapedString() throws(JSONError) -> [UInt8] {
        index += 1
        var out: [UInt8] = []
        out.reserveCapacity(32)
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") { return out }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                continue
            }
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): appendScalar(try readUnicodeEscape(), to: &out)
            default: throw JSONError(.invalidEscape, at: index - 1)
            }
        }
        throw JSONError(.unexpectedEnd, at: index)
    }

    /// Reads the hex digits after `\u`, joining a surrogate pair; a lone surrogate becomes U+FFFD.
    mutating func readUnicodeEscape() throws(JSONError) -> Unicode.Scalar {
        let unit = try readHex4()
        if unit >= 0xD800 && unit < 0xDC00 {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let low = try readHex4()
                if low >= 0xDC00 && low < 0xE000 {
                    let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                index = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
    }

    mutating func readHex4() throws(JSONError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw JSONError(.invalidEscape, at: index)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    @usableFromInline
    mutating func skipString() throws(JSONError) {
        var i = index + 1
        let end = bytes.count
        while true {
            i = findQuoteOrBackslash(from: i)
            guard i < end else { break }
            if bytes[i] == UInt8(ascii: "\"") {
                index = i + 1
                return
            }
            guard i + 1 < end else { break }
            switch bytes[i + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"):
                i += 2
            default:
                index = i
                throw JSONError(.invalidEscape, at: i + 1)
            }
        }
        index = end
        throw JSONError(.unexpectedEnd, at: end)
    }

    // MARK: Numbers

    /// Validates the number at the cursor and consumes it; returns its byte range and whether it is an integer.
    @usableFromInline
    mutating func scanNumber() throws(JSONError) -> (range: Range<Int>, isInteger: Bool) {
        let byte = try peekByte()
        let start = index
        var i = index
        var isInteger = true
        if byte == UInt8(ascii: "-") { i += 1 }
        func digits(from j: Int) -> Int {
            var k = j
            while k < bytes.count, bytes[k] >= UInt8(ascii: "0"), bytes[k] <= UInt8(ascii: "9") { k += 1 }
            return k
        }
        guard i < bytes.count else { throw JSONError(.unexpectedEnd, at: i) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            let end = digits(from: i)
            guard end > i else { throw mismatchOrInvalid(at: i, start: start, byte: byte) }
            i = end
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            let end = digits(from: i + 1)
            guard end > i + 1 else { throw JSONError(.invalidNumber, at: end) }
            i = end
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let end = digits(from: i)
            guard end > i else { throw JSONError(.invalidNumber, at: end) }
            i = end
        }
        index = i
        return (start..<i, isInteger)
    }

    func mismatchOrInvalid(at i: Int, start: Int, byte: UInt8) -> JSONError {
        if i == start { return mismatch(.number, byte) }
        return JSONError(i < bytes.count ? .invalidNumber : .unexpectedEnd, at: i)
    }

    /// Reads an integer; a fraction, an exponent or a value outside `Int64` throws.
    @inlinable
    public mutating func int64() throws(JSONError) -> Int64 {
        let (range, isInteger) = try scanNumber()
        guard isInteger else { throw JSONError(.typeMismatch(expected: .number, found: .number), at: range.lowerBound) }
        var i = range.lowerBound
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value: Int64 = 0
        while i < range.upperBound {
            let digit = Int64(bytes[i] &- UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { throw JSONError(.numberOutOfRange, at: range.lowerBound) }
            value = next
            i += 1
        }
        return value
    }

    /// Reads any number and returns it as an `Int64` when it is integral and in range (`1.5E9` is
    /// 1500000000; `2.5` truncates toward zero), `nil` when it is not; consumes it either way.
    @inlinable
    public mutating func integralNumber() throws(JSONError) -> Int64? {
        let (range, isInteger) = try scanNumber()
        if isInteger {
            var i = range.lowerBound
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            var value: Int64 = 0
            while i < range.upperBound {
                let digit = Int64(bytes[i] &- UInt8(ascii: "0"))
                let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = next
                i += 1
            }
            return value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return Double(text).flatMap { Int64(exactly: $0.rounded(.towardZero)) }
    }

    /// Reads any number as a `Double`.
    public mutating func double() throws(JSONError) -> Double {
        let (range, _) = try scanNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONError(.invalidNumber, at: range.lowerBound) }
        return value
    }

    /// Reads a number and returns its literal text, e.g. to keep `"size": 1.5E9` exactly.
    public mutating func numberLiteral() throws(JSONError) -> String {
        let (range, _) = try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Literals

    /// Reads `true` or `false`.
    @inlinable
    public mutating func bool() throws(JSONError) -> Bool {
        let byte = try peekByte()
        if byte == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        if byte == UInt8(ascii: "f") {
            try literal("false")
            return false
        }
        throw mismatch(.bool, byte)
    }

    /// Consumes `null` when it is next and says whether it did.
    @inlinable
    public mutating func readNull() throws(JSONError) -> Bool {
        guard try peekByte() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    @usableFromInline
    mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        let matches = word.withUTF8Buffer { expected in
            var k = 0
            while k < count {
                if bytes[index + k] != expected[k] { return false }
                k += 1
            }
            return true
        }
        guard matches else { throw JSONError(.unexpectedByte(bytes[index]), at: index) }
        index += count
    }
}

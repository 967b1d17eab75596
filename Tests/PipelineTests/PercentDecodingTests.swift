import Pipeline
import Testing

@Suite struct PercentDecodingTests {
    @Test(arguments: [
        ("a%20b+c", "a b c"), ("%2B", "+"), ("caf%C3%A9", "café"), ("%7e%7E", "~~"), ("", ""), ("plain", "plain"),
    ])
    func wellFormedFieldsDecodeTheSameInBothModes(raw: String, decoded: String) {
        #expect(PercentDecoding.decode(Array(raw.utf8), .strict) == decoded)
        #expect(PercentDecoding.decode(Array(raw.utf8), .lenient) == decoded)
        #expect(PercentDecoding.decodeLeniently(raw.utf8) == decoded)
    }

    @Test(arguments: ["%", "%4", "%zz", "a%g1", "%FF", "%C3"])
    func strictRefusesBadEscapesAndInvalidUTF8(raw: String) {
        #expect(PercentDecoding.decode(Array(raw.utf8), .strict) == nil)
    }

    @Test(arguments: [("%", "%"), ("%4", "%4"), ("%zz", "%zz"), ("100%+", "100% "), ("%FF", "\u{FFFD}"), ("a%C3", "a\u{FFFD}")])
    func lenientKeepsMalformedEscapesAndRepairsUTF8(raw: String, decoded: String) {
        #expect(PercentDecoding.decodeLeniently(raw.utf8) == decoded)
    }

    @Test func decodesSlicesOfALargerBuffer() {
        let bytes = Array("x=a%26b&y".utf8)
        #expect(PercentDecoding.decode(bytes[2..<7], .strict) == "a&b")
    }
}

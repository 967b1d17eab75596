import Testing

@testable import Pipeline

@Suite struct HeadersTests {
    @Test func lookupsIgnoreASCIICaseOnly() {
        var headers = Headers([("Content-Type", "text/xml"), ("X-Amz-Date", "20261129T000000Z"), ("x-amz-date", "second")])
        #expect(headers["content-type"] == "text/xml")
        #expect(headers["CONTENT-TYPE"] == "text/xml")
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content-Typf"] == nil)
        #expect(headers.values("X-AMZ-DATE") == ["20261129T000000Z", "second"])
        // Only ASCII letters fold: '[' (0x5B) is not '{' (0x7B), and non-ASCII bytes compare exactly.
        headers.add("X-[a]", "bracket")
        #expect(headers["x-{a}"] == nil)
        #expect(headers["X-[A]"] == "bracket")
        // '@' (0x40) and '`' (0x60) differ only in the case bit but are not letters.
        headers.add("X-@", "at")
        #expect(headers["x-`"] == nil)
        #expect(headers["x-@"] == "at")
        headers.add("Ä", "umlaut")
        #expect(headers["ä"] == nil)
        headers.set("content-type", "application/json")
        #expect(headers.values("Content-Type") == ["application/json"])
    }
}

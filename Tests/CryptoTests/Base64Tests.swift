import Testing

@testable import Crypto

/// RFC 4648 §10 vectors, both alphabets, with and without padding, and malformed input.
@Suite struct Base64Tests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(_ plain: String, _ encoded: String) {
        let bytes = Array(plain.utf8)
        #expect(Base64.encode(bytes) == encoded)
        #expect(Base64.encode(bytes, padding: false) == String(encoded.filter { $0 != "=" }))
        #expect(Base64.encode(bytes[...]) == encoded)  // a slice: contiguous, not an Array
        #expect(Base64.encode(bytes.lazy.map { $0 }) == encoded)  // not contiguous at all
        #expect(Base64.decode(encoded) == bytes)
        #expect(Base64.decode(String(encoded.filter { $0 != "=" })) == bytes)
        #expect(Base64.decode(Substring(encoded)) == bytes)
    }

    @Test func urlSafeAlphabet() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, urlSafe: true) == "-_-_")
        #expect(Base64.decode("-_-_") == bytes)
        #expect(Base64.decode("+/+/") == bytes)
    }

    @Test(arguments: ["Z", "Zm9v!", "Zg=a", "Zg===", "Z==="])
    func malformedInputIsRejected(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }
}

import Testing

@testable import Crypto

/// Known answers from RFC 2202 (HMAC-SHA1), RFC 4231 (HMAC-SHA256) and FIPS 180 (SHA-1, SHA-256).
@Suite struct HMACTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v = c <= 57 ? c - 48 : (c | 0x20) - 87
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    @Test(arguments: [
        // RFC 4231 test cases 1, 2, 6 (key longer than the block) and 7.
        (
            DigestAlgorithm.sha256, String(repeating: "0b", count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            .sha256, "4a656665", Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            .sha256, String(repeating: "aa", count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            .sha256, String(repeating: "aa", count: 131),
            Array(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                    .utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
        // RFC 2202 test cases 1 and 2.
        (.sha1, String(repeating: "0b", count: 20), Array("Hi There".utf8), "b617318655057264e28bc0b6fb378c8ef146be00"),
        (.sha1, "4a656665", Array("what do ya want for nothing?".utf8), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
    ])
    func knownAnswers(algorithm: DigestAlgorithm, key: String, message: [UInt8], expected: String) {
        #expect(Hex.encode(HMAC.authenticate(algorithm, key: HMACTests.bytes(key), message: message)) == expected)
    }

    @Test func emptyKeyAndEmptyMessage() {
        // Python: hmac.new(b"", b"", "sha256").hexdigest()
        #expect(
            Hex.encode(HMAC.authenticate(.sha256, key: [UInt8](), message: [UInt8]()))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func concurrentCallsAgree() async {
        let expected = HMAC.authenticate(.sha256, key: Array("key".utf8), message: Array("message".utf8))
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<64 { group.addTask { HMAC.authenticate(.sha256, key: Array("key".utf8), message: Array("message".utf8)) } }
            return await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 == expected })
    }

    @Test func digests() {
        #expect(Hex.encode(Digest.hash(.sha256, Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(Digest.hash(.sha1, Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Hex.encode(Digest.hash(.sha256, [UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

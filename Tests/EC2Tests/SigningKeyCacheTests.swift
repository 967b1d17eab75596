import Testing

@testable import EC2

/// Derived SigV4 signing keys are reused per access key and scope, and never outlive the secret
/// they were derived from.
@Suite struct SigningKeyCacheTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    static func credential(date: String) -> SigV4Credential {
        SigV4Credential(accessKeyID: "AKIDEXAMPLE", date: date, region: "us-east-1", service: "iam", signedHeaders: ["host"], signature: "")
    }

    @Test func reusesAKeyForTheSameScopeAndSecret() {
        let cache = SigningKeyCache()
        let first = cache.key(for: Self.credential(date: "20120215"), secret: Self.secret)
        // AWS's published signing-key example for this secret and scope.
        #expect(SignatureKnownAnswerTests.hex(first) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
        #expect(cache.key(for: Self.credential(date: "20120215"), secret: Self.secret) == first)
        #expect(cache.count == 1)
        let nextDay = cache.key(for: Self.credential(date: "20120216"), secret: Self.secret)
        #expect(nextDay != first && cache.count == 2)
    }

    @Test func aRotatedSecretDerivesANewKey() {
        let cache = SigningKeyCache()
        let old = cache.key(for: Self.credential(date: "20120215"), secret: Self.secret)
        let rotated = cache.key(for: Self.credential(date: "20120215"), secret: "another-secret")
        #expect(rotated != old)
        #expect(rotated == SignatureV4.signingKey(secret: "another-secret", date: "20120215", region: "us-east-1", service: "iam"))
        #expect(cache.key(for: Self.credential(date: "20120215"), secret: Self.secret) == old)
    }

    @Test func startsOverWhenFull() {
        let cache = SigningKeyCache(capacity: 2)
        for day in 10...12 { _ = cache.key(for: Self.credential(date: "201202\(day)"), secret: Self.secret) }
        #expect(cache.count == 1)
    }
}

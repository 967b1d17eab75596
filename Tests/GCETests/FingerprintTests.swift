import Crypto
import Testing

@testable import GCE

/// Fingerprints are compared with ones clients saved earlier, possibly from another bridge version:
/// the values must stay what FNV-1a over the parts gives.
@Suite struct FingerprintTests {
    @Test func knownValues() {
        // No parts: the FNV-1a 64 offset basis, big-endian, in base64 (computed in Python).
        #expect(Fingerprint.of([]) == "y/Kc5IQiIyU=")
        #expect(Fingerprint.of(["a=1", "b=2"]) == Fingerprint.of(pairs: [(key: "a", value: "1"), (key: "b", value: "2")]))
        #expect(Fingerprint.of(["a=1", "b=2"]) != Fingerprint.of(["a=1b=2"]))
        #expect(Fingerprint.of(["web", "db"]) == FingerprintTests.reference(["web", "db"]))
    }

    /// The definition, written out plainly.
    static func reference(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in Array(part.utf8) + [0xff] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: hash >> UInt64(56 - 8 * $0)) }
        return Base64.encode(bytes)
    }
}

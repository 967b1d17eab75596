import Foundation
import JSON
import TestSupport
import Testing

/// The repository's CloudStack samples (`Tests/Fixtures/cloudstack/samples`).
private func sampleBodies() throws -> [(String, [UInt8])] {
    try Fixtures.allSamples().map { ($0.name, $0.bytes) }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func parse(_ bytes: [UInt8]) throws(JSONError) -> Value {
    try JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONError) -> Value in
        let value = try Value.read(&r)
        try r.finish()
        return value
    }
}

@Test func everySampleParsesLikeFoundation() throws {
    let bodies = try sampleBodies()
    #expect(bodies.count > 100)
    for (name, bytes) in bodies {
        let ours = try parse(bytes)
        // Cross-check the structure: the same top-level keys as Foundation's parser.
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "\(name)")
        guard case .object(let members) = ours else {
            Issue.record("\(name): not an object")
            continue
        }
        #expect(Set(members.map(\.0)) == Set(theirs.keys), "\(name)")
    }
}

@Test func truncatedSamplesAlwaysThrow() throws {
    for (name, bytes) in try sampleBodies() {
        // The last `}` closes the document: every cut before it must be rejected, never crash.
        guard let end = bytes.lastIndex(of: UInt8(ascii: "}")) else { continue }
        var cut = 0
        while cut < end {
            #expect(throws: JSONError.self, "\(name) cut at \(cut)") { _ = try parse(Array(bytes[..<cut])) }
            cut += max(1, end / 97)
        }
    }
}

@Test func mutatedSamplesNeverCrash() throws {
    var random = SplitMix(state: 0x5EED)
    let interesting: [UInt8] = Array(#"{}[]",:\u0123456789-+.eEtfn "#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
    var rejected = 0
    var total = 0
    for (_, bytes) in try sampleBodies() {
        for _ in 0..<40 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutated[position] = interesting.randomElement(using: &random) ?? 0
                case 1: mutated.remove(at: position)
                default: mutated.insert(interesting.randomElement(using: &random) ?? 0, at: position)
                }
                if mutated.isEmpty { break }
            }
            total += 1
            // Either outcome is fine; reaching here without a trap is the property under test.
            do { _ = try parse(mutated) } catch { rejected += 1 }
        }
    }
    // Most random edits of structural bytes break the document; all were handled.
    #expect(total > 4_000)
    #expect(rejected > 0)
}

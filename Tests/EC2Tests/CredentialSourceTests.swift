import CloudStack
import EC2
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct CredentialSourceTests {
    static func temporaryFile(_ content: String, mode: Int) throws -> String {
        let path = NSTemporaryDirectory() + "ec2-credentials-\(UUID().uuidString)"
        try content.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func staticFileLoadsPairsAndSkipsCommentsAndBlankLines() async throws {
        let path = try Self.temporaryFile("# operators\n\nAK1 secret/one+x\n  AK2\tsecret2  \r\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try StaticCredentialSource(contentsOf: path)
        #expect(source.count == 2)
        #expect(try await source.credentials(forAccessKeyID: "AK1")?.secretKey == "secret/one+x")
        #expect(try await source.credentials(forAccessKeyID: "AK2")?.secretKey == "secret2")
        #expect(try await source.credentials(forAccessKeyID: "AK3") == nil)
    }

    @Test func staticFileRefusesOpenModesAndBadLinesWithoutEchoingSecrets() throws {
        let open = try Self.temporaryFile("AK1 s1\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: open) }
        #expect(throws: StaticCredentialSource.LoadError.tooOpen(path: open, mode: "644")) { try StaticCredentialSource(contentsOf: open) }
        #expect(throws: StaticCredentialSource.LoadError.malformedLine(path: "<memory>", line: 2)) {
            try StaticCredentialSource(parsing: Array("AK1 s1\nAK2 topsecret extra\n".utf8))
        }
        #expect(throws: StaticCredentialSource.LoadError.duplicateKey(path: "<memory>", line: 2)) {
            try StaticCredentialSource(parsing: Array("AK1 s1\nAK1 s2\n".utf8))
        }
        let error = StaticCredentialSource.LoadError.malformedLine(path: "f", line: 2)
        #expect(!error.description.contains("topsecret"))
        #expect(throws: StaticCredentialSource.LoadError.unreadable(path: "/nonexistent/x")) {
            try StaticCredentialSource(contentsOf: "/nonexistent/x")
        }
    }

    @Test func keyPairNeverPrintsItsSecret() {
        let pair = CloudStackCredentials(apiKey: "AK", secretKey: "very-secret")
        #expect(!"\(pair)".contains("very-secret"))
        #expect(!String(reflecting: pair).contains("very-secret"))
        #expect(!"\(AuthenticatedPrincipal(keyPair: pair, scheme: .v4Header))".contains("very-secret"))
    }

    /// Counts lookups and answers from a table, or throws when told to.
    final class CountingSource: CredentialSource {
        let lookups = Mutex(0)
        let failing = Mutex(false)
        let table: [String: CloudStackCredentials]
        init(_ pairs: [CloudStackCredentials]) { table = Dictionary(uniqueKeysWithValues: pairs.map { ($0.apiKey, $0) }) }
        struct Down: Error {}
        func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
            lookups.withLock { $0 += 1 }
            if failing.withLock({ $0 }) { throw Down() }
            return table[accessKeyID]
        }
    }

    @Test func cacheHonoursTTLAndNegativeTTLOnItsClock() async throws {
        let manual = ManualClock(epochSeconds: 1000)
        let clock = manual.clock
        let upstream = CountingSource([CloudStackCredentials(apiKey: "AK", secretKey: "SK")])
        let cache = CredentialCache(upstream, ttl: 60, negativeTTL: 5, clock: clock)
        #expect(try await cache.credentials(forAccessKeyID: "AK")?.secretKey == "SK")
        #expect(try await cache.credentials(forAccessKeyID: "AK")?.secretKey == "SK")
        #expect(upstream.lookups.withLock { $0 } == 1)
        #expect(try await cache.credentials(forAccessKeyID: "NOPE") == nil)
        #expect(try await cache.credentials(forAccessKeyID: "NOPE") == nil)
        #expect(upstream.lookups.withLock { $0 } == 2)
        manual.advance(seconds: 5)
        #expect(try await cache.credentials(forAccessKeyID: "NOPE") == nil)
        #expect(upstream.lookups.withLock { $0 } == 3)
        manual.advance(seconds: 55)
        #expect(try await cache.credentials(forAccessKeyID: "AK") != nil)
        #expect(upstream.lookups.withLock { $0 } == 4)
        cache.invalidate("AK")
        #expect(try await cache.credentials(forAccessKeyID: "AK") != nil)
        #expect(upstream.lookups.withLock { $0 } == 5)
    }

    @Test func cacheDoesNotRememberFailures() async throws {
        let upstream = CountingSource([CloudStackCredentials(apiKey: "AK", secretKey: "SK")])
        let cache = CredentialCache(upstream, clock: .fixed(0))
        upstream.failing.withLock { $0 = true }
        await #expect(throws: CountingSource.Down.self) { try await cache.credentials(forAccessKeyID: "AK") }
        upstream.failing.withLock { $0 = false }
        #expect(try await cache.credentials(forAccessKeyID: "AK") != nil)
    }

    @Test func ttlCacheStaysWithinCapacity() {
        let cache = TTLCache<Int, Int>(capacity: 8, clock: .fixed(0))
        for i in 0..<100 { cache.store(i, for: i, ttl: Int64(i + 1)) }
        #expect(cache.count <= 8)
        #expect(cache.value(for: 99) == 99)
    }

    @Test func chainTriesInOrderAndSurvivesAFailingSource() async throws {
        let down = CountingSource([])
        down.failing.withLock { $0 = true }
        let first = StaticCredentialSource([CloudStackCredentials(apiKey: "A", secretKey: "first")])
        let second = StaticCredentialSource([
            CloudStackCredentials(apiKey: "A", secretKey: "second"), CloudStackCredentials(apiKey: "B", secretKey: "b"),
        ])
        let chain = CredentialChain([down, first, second])
        #expect(try await chain.credentials(forAccessKeyID: "A")?.secretKey == "first")
        #expect(try await chain.credentials(forAccessKeyID: "B")?.secretKey == "b")
        await #expect(throws: CountingSource.Down.self) { try await chain.credentials(forAccessKeyID: "C") }
    }

    @Test func verifierTurnsASourceFailureIntoUnavailable() async throws {
        let down = CountingSource([])
        down.failing.withLock { $0 = true }
        let request = try BotocoreSigner.sign(.v4Get, params: [("Action", "DescribeRegions")])
        let verifier = RequestVerifier(region: BotocoreSigner.region, credentials: down, clock: .fixed(BotocoreSigner.epoch))
        do {
            _ = try await verifier.verify(request, parameters: try QueryParameters(request: request))
            Issue.record("accepted")
        } catch let error as EC2Error {
            #expect(error.code == "Unavailable")
            #expect(error.status == 503)
        }
    }
}

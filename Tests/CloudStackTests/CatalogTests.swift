import Pipeline
import Synchronization
import TestSupport
import Testing

@testable import CloudStack

/// The shared catalog and its cache: expiry on the injected clock, per-caller keys, one load for concurrent misses,
/// the bound.
@Suite struct CatalogTests {
    /// `listZones` and `listDiskOfferings` answered with one row named after the caller's API key.
    static func answer(_ request: OutboundRequest) -> InboundResponse {
        let form = formParameters(request)
        let caller = form["apiKey"] ?? "?"
        switch form["command"] {
        case "listZones": return ok(#"{"listzonesresponse":{"count":1,"zone":[{"id":"z-\#(caller)","name":"zone-\#(caller)"}]}}"#)
        case "listRegions": return ok(#"{"listregionsresponse":{"count":1,"region":[{"id":1,"name":"region-\#(caller)"}]}}"#)
        case "listDiskOfferings":
            let zone = form["zoneid"] ?? "all"
            return ok(#"{"listdiskofferingsresponse":{"count":1,"diskoffering":[{"id":"d-\#(zone)","name":"disk-\#(caller)"}]}}"#)
        default: return InboundResponse(status: 432, body: Array(#"{"errorresponse":{"errorcode":432}}"#.utf8))
        }
    }

    static func catalogTransport() -> ScriptedTransport {
        ScriptedTransport { request, _ throws(TransportError) in answer(request) }
    }

    static func commands(_ transport: ScriptedTransport) -> [String] {
        transport.requests.compactMap { formParameters($0)["command"] }
    }

    let alice = CloudStackCredentials(apiKey: "alice", secretKey: "alice-secret")
    let bob = CloudStackCredentials(apiKey: "bob", secretKey: "bob-secret")

    @Test func aCallersZonesAreReadOnceUntilTheTTLEndsOnTheInjectedClock() async throws {
        let clock = ManualClock.client()
        let transport = Self.catalogTransport()
        let client = CloudStackClient(transport: transport, environment: clock.environment())
        let catalog = Catalog(client: client, policy: CatalogPolicy(ttlSeconds: 30), clock: clock.clock)
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        clock.advance(seconds: 29)
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(Self.commands(transport) == ["listZones"])
        clock.advance(seconds: 1)
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(Self.commands(transport) == ["listZones", "listZones"])
    }

    @Test func aCallersRegionsAreReadOnceUntilTheTTLEnds() async throws {
        let clock = ManualClock.client()
        let transport = Self.catalogTransport()
        let client = CloudStackClient(transport: transport, environment: clock.environment())
        let catalog = Catalog(client: client, policy: CatalogPolicy(ttlSeconds: 30), clock: clock.clock)
        #expect(try await catalog.regions(as: alice).map(\.name) == ["region-alice"])
        clock.advance(seconds: 29)
        #expect(try await catalog.regions(as: alice).map(\.name) == ["region-alice"])
        #expect(try await catalog.regions(as: bob).map(\.name) == ["region-bob"])
        #expect(Self.commands(transport) == ["listRegions", "listRegions"])
        clock.advance(seconds: 1)
        #expect(try await catalog.regions(as: alice).map(\.name) == ["region-alice"])
        #expect(Self.commands(transport) == ["listRegions", "listRegions", "listRegions"])
    }

    @Test func callersDoNotShareEntries() async throws {
        let clock = ManualClock.client()
        let transport = Self.catalogTransport()
        let catalog = Catalog(client: CloudStackClient(transport: transport, environment: clock.environment()), clock: clock.clock)
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(try await catalog.zones(as: bob).map(\.name) == ["zone-bob"])
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(try await catalog.zones(as: bob).map(\.name) == ["zone-bob"])
        #expect(Self.commands(transport) == ["listZones", "listZones"])
    }

    @Test func diskOfferingsAreKeptPerCallerAndZone() async throws {
        let clock = ManualClock.client()
        let transport = Self.catalogTransport()
        let catalog = Catalog(client: CloudStackClient(transport: transport, environment: clock.environment()), clock: clock.clock)
        #expect(try await catalog.diskOfferings(as: alice).map(\.id) == ["d-all"])
        #expect(try await catalog.diskOfferings(zoneID: "z1", as: alice).map(\.id) == ["d-z1"])
        #expect(try await catalog.diskOfferings(zoneID: "z1", as: alice).map(\.id) == ["d-z1"])
        #expect(try await catalog.diskOfferings(as: alice).map(\.id) == ["d-all"])
        #expect(try await catalog.diskOfferings(zoneID: "z1", as: bob).map(\.name) == ["disk-bob"])
        #expect(transport.requests.map { formParameters($0)["zoneid"] } == [nil, "z1", "z1"])
    }

    @Test func aZeroTTLAsksCloudStackEveryTime() async throws {
        let clock = ManualClock.client()
        let transport = Self.catalogTransport()
        let catalog = Catalog(
            client: CloudStackClient(transport: transport, environment: clock.environment()), policy: CatalogPolicy(ttlSeconds: 0),
            clock: clock.clock)
        _ = try await catalog.zones(as: alice)
        _ = try await catalog.zones(as: alice)
        #expect(Self.commands(transport) == ["listZones", "listZones"])
    }

    @Test func aFailedLookupIsNotRemembered() async throws {
        let clock = ManualClock.client()
        let failing = Mutex(true)
        let transport = ScriptedTransport { request, _ throws(TransportError) in
            if failing.withLock({ $0 }) {
                return InboundResponse(status: 431, body: Array(#"{"listzonesresponse":{"errorcode":431,"errortext":"no"}}"#.utf8))
            }
            return Self.answer(request)
        }
        let catalog = Catalog(client: CloudStackClient(transport: transport, environment: clock.environment()), clock: clock.clock)
        await #expect(throws: CloudStackError.self) { try await catalog.zones(as: alice) }
        failing.withLock { $0 = false }
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(try await catalog.zones(as: alice).map(\.name) == ["zone-alice"])
        #expect(Self.commands(transport) == ["listZones", "listZones"])
    }
}

/// `SingleFlightCache` on its own.
@Suite struct SingleFlightCacheTests {
    /// Counts loads and holds each one until released.
    final class Gate: Sendable {
        private let state = Mutex<(loads: Int, held: [CheckedContinuation<Void, Never>])>((0, []))
        var loads: Int { state.withLock { $0.loads } }
        var held: Int { state.withLock { $0.held.count } }

        func load(_ value: Int) async -> Int {
            await withCheckedContinuation { continuation in
                state.withLock {
                    $0.loads += 1
                    $0.held.append(continuation)
                }
            }
            return value
        }

        func release() {
            let held = state.withLock { state in
                defer { state.held = [] }
                return state.held
            }
            for continuation in held { continuation.resume() }
        }
    }

    struct Timeout: Error {}

    /// Yields until `condition` holds, failing after a generous number of turns (no timing involved).
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<100_000 {
            if condition() { return }
            await Task.yield()
        }
        throw Timeout()
    }

    @Test func concurrentMissesShareOneLoad() async throws {
        let cache = SingleFlightCache<String, Int>(ttlSeconds: 0, capacity: 10, clock: ManualClock().clock)
        let gate = Gate()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { await cache.value(for: "k") { await gate.load(42) } } }
            try await Self.eventually { gate.loads == 1 && cache.waiters(for: "k") == 7 }
            gate.release()
            var values: [Int] = []
            for try await value in group { values.append(value) }
            #expect(values == Array(repeating: 42, count: 8))
        }
        #expect(gate.loads == 1)
        // A zero TTL keeps nothing once the load is shared: the next miss loads again.
        #expect(cache.count == 0)
    }

    @Test func waitersOfAFailedLoadLoadForThemselves() async throws {
        struct Refused: Error {}
        let cache = SingleFlightCache<String, Int>(ttlSeconds: 60, capacity: 10, clock: ManualClock().clock)
        let gate = Gate()
        let leader = Task { () async throws -> Int in
            try await cache.value(for: "k") { () async throws(Refused) -> Int in
                _ = await gate.load(0)
                throw Refused()
            }
        }
        try await Self.eventually { gate.held == 1 }
        let waiter = Task { await cache.value(for: "k") { 7 } }
        try await Self.eventually { cache.waiters(for: "k") == 1 }
        gate.release()
        await #expect(throws: Refused.self) { try await leader.value }
        #expect(await waiter.value == 7)
        // Nothing was kept from the failure or the waiter's own load; the next miss leads and is kept.
        #expect(await cache.value(for: "k") { 8 } == 8)
        #expect(await cache.value(for: "k") { 9 } == 8)
    }

    @Test func entriesExpireOnTheInjectedClock() async {
        let clock = ManualClock()
        let cache = SingleFlightCache<String, Int>(ttlSeconds: 10, capacity: 10, clock: clock.clock)
        #expect(await cache.value(for: "k") { 1 } == 1)
        clock.advance(nanos: 10 * Clock.nanosPerSecond - 1)
        #expect(await cache.value(for: "k") { 2 } == 1)
        clock.advance(nanos: 1)
        #expect(await cache.value(for: "k") { 3 } == 3)
    }

    /// With `releaseWhenExpired` an expired value is let go though its key is not read again (a large list's view
    /// is not held until its caller comes back); it is judged on the injected clock, checked in real time.
    @Test func expiredValuesAreLetGoWhenAskedToBe() async throws {
        let clock = ManualClock()
        let released = SingleFlightCache<String, [Int]>(ttlSeconds: 1, capacity: 10, clock: clock.clock, releaseWhenExpired: true)
        let held = SingleFlightCache<String, [Int]>(ttlSeconds: 1, capacity: 10, clock: clock.clock)
        _ = await released.value(for: "k") { [1, 2, 3] }
        _ = await held.value(for: "k") { [1, 2, 3] }
        // A real second and more, but not on the injected clock: still fresh, still held.
        try await Task.sleep(nanoseconds: 1_200_000_000)
        #expect(released.count == 1 && held.count == 1)
        #expect(await released.value(for: "k") { [9] } == [1, 2, 3])
        clock.advance(seconds: 1)
        // Expired on the injected clock: let go at the next real-time check (a TTL later), without a read.
        for _ in 0..<40 where released.count > 0 { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(released.count == 0)
        #expect(held.count == 1)
        // A value stored again after it was let go is kept and let go in its turn.
        #expect(await released.value(for: "k") { [4] } == [4])
        #expect(released.count == 1)
    }

    @Test func theBoundDropsExpiredEntriesFirstThenThoseClosestToExpiry() async {
        let clock = ManualClock()
        let cache = SingleFlightCache<Int, Int>(ttlSeconds: 100, capacity: 4, clock: clock.clock)
        for key in 0..<4 {
            _ = await cache.value(for: key) { key }
            clock.advance(seconds: 30)
        }
        // At 120 s key 0 (stored at 0 s) has expired and makes room; keys 1, 2, 3 are live.
        _ = await cache.value(for: 4) { 4 }
        #expect(cache.count == 4)
        #expect(await cache.value(for: 1) { -1 } == 1)
        // Full of live entries: the one closest to expiry makes room (key 1 for key 0, then key 2 for key 5).
        #expect(await cache.value(for: 0) { -1 } == -1)
        _ = await cache.value(for: 5) { 5 }
        #expect(cache.count == 4)
        #expect(await cache.value(for: 3) { -1 } == 3)
        #expect(await cache.value(for: 4) { -1 } == 4)
        #expect(await cache.value(for: 5) { -1 } == 5)
        #expect(await cache.value(for: 0) { -2 } == -1)
        #expect(await cache.value(for: 1) { -1 } == -1)
    }

    @Test func removeDuringALoadKeepsItsValueFromLaterCallers() async throws {
        let cache = SingleFlightCache<String, Int>(ttlSeconds: 60, capacity: 10, clock: ManualClock().clock)
        let gate = Gate()
        let leader = Task { await cache.value(for: "k") { await gate.load(1) } }
        try await Self.eventually { gate.held == 1 }
        cache.remove("k")
        gate.release()
        #expect(await leader.value == 1)
        #expect(await cache.value(for: "k") { 2 } == 2)
        cache.remove("k")
        #expect(await cache.value(for: "k") { 3 } == 3)
    }
}

import Dispatch
import Foundation
import Glibc
import Pipeline
import Testing

@testable import EventLoops

@Suite struct HeapReturnTests {
    /// A sweep's interval: the schedule is asked once per sweep.
    static let sweep: UInt64 = 50_000_000

    @Test func trimsAfterAQuietSecondFollowingTheLastLargeAnswer() {
        var schedule = HeapReturn.Schedule()
        let (quiet, followUp) = (HeapReturn.quietNanos, HeapReturn.followUpNanos)
        var answers: [Bool] = []
        answers.append(schedule.due(at: 0))
        schedule.noteLarge(at: 10)
        answers.append(schedule.due(at: 10 + quiet - 1))
        // Another large answer pushes the trim back.
        schedule.noteLarge(at: 12)
        answers.append(schedule.due(at: 10 + quiet))
        answers.append(schedule.due(at: 12 + quiet))
        // Once trimmed, one more trim is due `followUpNanos` later, then nothing until the next large answer.
        answers.append(schedule.due(at: 12 + quiet + followUp - 1))
        answers.append(schedule.due(at: 12 + quiet + followUp))
        answers.append(schedule.due(at: 1_000 * quiet))
        #expect(answers == [false, false, false, true, false, true, false])
    }

    @Test func largeAnswersThatKeepComingStillGetATrim() {
        var schedule = HeapReturn.Schedule()
        var trimmedAt: [UInt64] = []
        for sweep in UInt64(0)..<250 {
            schedule.noteLarge(at: sweep * Self.sweep)
            let due = schedule.due(at: sweep * Self.sweep)
            if due { trimmedAt.append(sweep) }
        }
        // The follow-up never comes while large answers keep the schedule going.
        let maxWait = HeapReturn.maxWaitNanos / Self.sweep
        #expect(trimmedAt == [maxWait, 2 * maxWait + 1])
    }

    /// A loop that sent a large answer trims its heap once the answers stop; small answers never trim.
    @Test func aLoopTrimsAfterALargeAnswerOnly() async throws {
        let responder = ClosureResponder { request, _ in
            let size = request.path == "/large" ? HeapReturn.largeReplyBytes : 1000
            return Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: [UInt8](repeating: 0x61, count: size))
        }
        try await withServer(loops: 1, responder: responder) { server in
            let trims = { server.group.loops[0].state.heapTrims.load(ordering: .relaxed) }
            let client = try RawHTTPClient(port: server.boundPorts[0])
            for _ in 0..<5 { #expect(try await client.get("/small").status == 200) }
            try await Task.sleep(nanoseconds: 1_500_000_000)
            #expect(trims() == 0)
            let reply = try await client.get("/large")
            #expect(reply.status == 200)
            #expect(reply.body.count == HeapReturn.largeReplyBytes)
            var waited = 0
            while trims() == 0 && waited < 120 {
                try await Task.sleep(nanoseconds: 50_000_000)
                waited += 1
            }
            #expect(trims() == 1)
            // And one more a few seconds later, for what the lists' caches let go after the first.
            waited = 0
            while trims() == 1 && waited < Int(HeapReturn.followUpNanos / 50_000_000) + 40 {
                try await Task.sleep(nanoseconds: 50_000_000)
                waited += 1
            }
            #expect(trims() == 2)
        }
    }
}

/// A request that ran long asks for a trim even with a small answer; quick small ones do not.
@Suite struct HeapReturnLongRequestTests {
    @Test func aLongRequestWithASmallAnswerTrimsToo() async throws {
        let responder = ClosureResponder { request, _ in
            if request.path == "/slow" { try? await Task.sleep(nanoseconds: HeapReturn.longRequestNanos + 50_000_000) }
            return Response(status: 200, headers: Headers([("Content-Type", "text/plain")]), body: Array("ok".utf8))
        }
        try await withServer(loops: 1, responder: responder) { server in
            let trims = { server.group.loops[0].state.heapTrims.load(ordering: .relaxed) }
            let client = try RawHTTPClient(port: server.boundPorts[0])
            for _ in 0..<5 { #expect(try await client.get("/quick").status == 200) }
            try await Task.sleep(nanoseconds: HeapReturn.quietNanos + 500_000_000)
            #expect(trims() == 0)
            #expect(try await client.get("/slow").status == 200)
            var waited = 0
            while trims() == 0 && waited < 120 {
                try await Task.sleep(nanoseconds: 50_000_000)
                waited += 1
            }
            #expect(trims() == 1)
        }
    }
}

/// The arena cap: threads started after `configure` share the arenas there are instead of adding one each.
@Suite(.serialized) struct HeapArenaTests {
    @Test func threadsStartedAfterConfigureAddNoArenaPastTheCap() async throws {
        HeapReturn.configure()
        let before = try #require(HeapReturn.arenaCount())
        let limit = Int(HeapReturn.arenaLimit(cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        // glibc gives each new thread an arena of its own until it reaches its limit (eight a core by default).
        let threads = 12
        let started = DispatchGroup()
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<threads {
            started.enter()
            Thread.detachNewThread {
                let block = malloc(64)
                started.leave()
                release.wait()
                free(block)
            }
        }
        started.wait()
        let during = try #require(HeapReturn.arenaCount())
        for _ in 0..<threads { release.signal() }
        #expect(during <= max(before, limit), "arenas before: \(before), with \(threads) more threads: \(during), cap \(limit)")
    }

    @Test func theCapIsOneArenaACoreAndTwoOnOne() {
        #expect([1, 2, 4, 64].map { HeapReturn.arenaLimit(cores: $0) } == [2, 2, 4, 64])
    }
}

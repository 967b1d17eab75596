import Pipeline
import Testing

@testable import EventLoops

@Suite struct HeapReturnTests {
    @Test func trimsAfterQuietSweepsFollowingTheLastLargeAnswer() {
        var schedule = HeapReturn.Schedule()
        var answers: [Bool] = []
        answers.append(schedule.due(at: 0))
        schedule.noteLarge(at: 10)
        answers.append(schedule.due(at: 10 + HeapReturn.quietSweeps - 1))
        // Another large answer pushes the trim back.
        schedule.noteLarge(at: 12)
        answers.append(schedule.due(at: 10 + HeapReturn.quietSweeps))
        answers.append(schedule.due(at: 12 + HeapReturn.quietSweeps))
        // Once trimmed, one more trim is due `followUpSweeps` later, then nothing until the next large answer.
        answers.append(schedule.due(at: 12 + HeapReturn.quietSweeps + HeapReturn.followUpSweeps - 1))
        answers.append(schedule.due(at: 12 + HeapReturn.quietSweeps + HeapReturn.followUpSweeps))
        answers.append(schedule.due(at: 10_000))
        #expect(answers == [false, false, false, true, false, true, false])
    }

    @Test func largeAnswersThatKeepComingStillGetATrim() {
        var schedule = HeapReturn.Schedule()
        var trimmedAt: [Int] = []
        for sweep in 0..<250 {
            schedule.noteLarge(at: sweep)
            let due = schedule.due(at: sweep)
            if due { trimmedAt.append(sweep) }
        }
        // The follow-up never comes while large answers keep the schedule going.
        #expect(trimmedAt == [HeapReturn.maxWaitSweeps, 2 * HeapReturn.maxWaitSweeps + 1])
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
            while trims() == 1 && waited < 200 {
                try await Task.sleep(nanoseconds: 50_000_000)
                waited += 1
            }
            #expect(trims() == 2)
        }
    }
}

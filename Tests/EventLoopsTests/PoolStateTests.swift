import Testing

@testable import EventLoops

@Suite struct PoolStateTests {
    func makeState(size: Int = 2, queue: Int = 2) -> PoolState {
        PoolState(configuration: .init(size: size, idleTimeoutNanos: 100, queueLimit: queue, queueDeadlineNanos: 50))
    }

    @Test func opensUpToSizeThenQueuesThenRejects() {
        var state = makeState()
        #expect(state.acquire(now: 0) == .open)
        state.opened(1)
        #expect(state.acquire(now: 0) == .open)
        state.opened(2)
        #expect(state.acquire(now: 0) == .wait(ticket: 1))
        #expect(state.acquire(now: 0) == .wait(ticket: 2))
        #expect(state.acquire(now: 0) == .reject)
        #expect(state.opened == 2)
    }

    @Test func releaseHandsOverToTheOldestWaiterElseGoesIdle() {
        var state = makeState(size: 1)
        #expect(state.acquire(now: 0) == .open)
        state.opened(7)
        #expect(state.acquire(now: 0) == .wait(ticket: 1))
        #expect(state.release(7, now: 1) == .give(connection: 7, ticket: 1))
        #expect(state.busy == [7])
        #expect(state.release(7, now: 2) == .none)
        #expect(state.idle.map(\.id) == [7])
        #expect(state.acquire(now: 3) == .reuse(7))
    }

    @Test func reusesNewestIdleFirst() {
        var state = makeState()
        _ = state.acquire(now: 0); state.opened(1)
        _ = state.acquire(now: 0); state.opened(2)
        _ = state.release(1, now: 1)
        _ = state.release(2, now: 2)
        #expect(state.acquire(now: 3) == .reuse(2))
    }

    @Test func discardFreesASlotForAWaiter() {
        var state = makeState(size: 1)
        _ = state.acquire(now: 0); state.opened(1)
        #expect(state.acquire(now: 0) == .wait(ticket: 1))
        #expect(state.discard(1) == .openFor(ticket: 1))
        #expect(state.total == 1)
        state.opened(2)
        #expect(state.busy == [2])
    }

    @Test func failedOpenFreesTheSlot() {
        var state = makeState(size: 1)
        #expect(state.acquire(now: 0) == .open)
        #expect(state.openFailed() == .none)
        #expect(state.total == 0)
        #expect(state.acquire(now: 0) == .open)
    }

    @Test func waitersExpireAtTheirDeadline() {
        var state = makeState(size: 1)
        _ = state.acquire(now: 0); state.opened(1)
        #expect(state.acquire(now: 10) == .wait(ticket: 1))
        #expect(state.acquire(now: 30) == .wait(ticket: 2))
        #expect(state.expireWaiters(now: 59) == [])
        #expect(state.expireWaiters(now: 60) == [1])
        #expect(state.expireWaiters(now: 80) == [2])
        #expect(state.waiters.isEmpty)
    }

    @Test func idleConnectionsAreEvictedAfterTheTimeout() {
        var state = makeState()
        _ = state.acquire(now: 0); state.opened(1)
        _ = state.acquire(now: 0); state.opened(2)
        _ = state.release(1, now: 0)
        _ = state.release(2, now: 60)
        #expect(state.evictIdle(now: 99) == [])
        #expect(state.evictIdle(now: 100) == [1])
        #expect(state.evictIdle(now: 160) == [2])
        #expect(state.total == 0)
    }
}

extension PoolStateTests {
    @Test func aCancelledWaiterLeavesTheQueue() {
        var state = makeState(size: 1, queue: 2)
        _ = state.acquire(now: 0); state.opened(1)
        #expect(state.acquire(now: 0) == .wait(ticket: 1))
        #expect(state.acquire(now: 0) == .wait(ticket: 2))
        #expect(state.acquire(now: 0) == .reject)
        state.cancelWaiter(1)
        // Its place in the queue is free, and the released connection goes to the next waiter.
        #expect(state.waiters.map(\.ticket) == [2])
        #expect(state.acquire(now: 0) == .wait(ticket: 3))
        #expect(state.release(1, now: 1) == .give(connection: 1, ticket: 2))
        #expect(state.expireWaiters(now: 1_000) == [3])
    }
}

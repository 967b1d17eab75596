internal import CLibevent
import Pipeline

/// Owns one loop's keep-alive connections to the management server; used only from that loop.
final class BackendPool: @unchecked Sendable {
    unowned let loop: Loop
    let endpoint: BackendEndpoint
    let configuration: BackendPoolConfiguration
    let observer: any BackendPoolObserver
    /// Idle times and queue deadlines are read from this clock, so tests advance it instead of waiting.
    let clock: Clock
    private var state: PoolState
    private var connections: [Int: BackendConnection] = [:]
    private var waiting: [Int: CheckedContinuation<BackendConnection?, Never>] = [:]
    /// Connections closed inside an evhttp callback, freed on the next tick.
    private var graveyard: [BackendConnection] = []
    private var nextID = 0
    private var timer: OpaquePointer?

    init(
        loop: Loop, endpoint: BackendEndpoint, configuration: BackendPoolConfiguration, observer: any BackendPoolObserver,
        clock: Clock = .system
    ) {
        self.loop = loop
        self.clock = clock
        self.endpoint = endpoint
        self.configuration = configuration
        self.observer = observer
        state = PoolState(
            configuration: .init(
                size: max(1, configuration.size),
                idleTimeoutNanos: UInt64(configuration.idleTimeoutSeconds * 1e9),
                queueLimit: configuration.queueLimit,
                queueDeadlineNanos: UInt64(configuration.queueDeadlineSeconds * 1e9)))
        // Ownership: the timer holds an unretained pointer; the pool frees the timer in shutdown().
        timer = event_new(loop.base, -1, Int16(EV_PERSIST), backendPoolTimerCallback, Unmanaged.passUnretained(self).toOpaque())
        var tick = timeval(tv_sec: 0, tv_usec: 50_000)
        if let timer { event_add(timer, &tick) }
    }

    /// Connections opened since the pool started (for tests and metrics).
    var connectionsOpened: Int { state.opened }
    /// Idle connections and queued requests now (tests wait for the pool to see a close or a queued request).
    var idleAndWaiting: (idle: Int, waiting: Int) { (state.idle.count, state.waiters.count) }

    /// Sends one request over a pooled connection.
    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        loop.assertInLoop()
        // One deadline for the whole call, the wait for a connection included.
        let deadline = clock.monotonicNanos() &+ UInt64(max(0, configuration.responseTimeoutSeconds) * 1e9)
        guard let connection = try await acquire() else {
            if Task.isCancelled { throw CancellationError() }
            throw TransportError.poolExhausted
        }
        do {
            let response = try await connection.perform(request, hostHeader: endpoint.hostHeader, deadline: deadline)
            finish(connection, reusable: !connection.closed && !Self.closesConnection(response))
            return response
        } catch {
            finish(connection, reusable: false)
            throw error
        }
    }

    private static func closesConnection(_ response: InboundResponse) -> Bool {
        response.headers["connection"]?.lowercased() == "close"
    }

    private func acquire() async throws -> BackendConnection? {
        switch state.acquire(now: clock.monotonicNanos()) {
        case .reuse(let id):
            report()
            return connections[id]
        case .open:
            return open()
        case .reject:
            throw TransportError.poolExhausted
        case .wait(let ticket):
            report()
            let loop = self.loop
            return await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    waiting[ticket] = continuation
                }
            } onCancel: {
                // Runs on the cancelling thread; the pool is touched only on its loop.
                loop.execute { self.cancelWaiter(ticket) }
            }
        }
    }

    /// A waiting request was cancelled: it leaves the queue at once instead of at its deadline.
    func cancelWaiter(_ ticket: Int) {
        loop.assertInLoop()
        guard let continuation = waiting.removeValue(forKey: ticket) else { return }
        state.cancelWaiter(ticket)
        continuation.resume(returning: nil)
        report()
    }

    /// Opens a connection for a slot the state machine reserved.
    private func open() -> BackendConnection? {
        nextID += 1
        guard
            let connection = BackendConnection(
                id: nextID, pool: self, base: loop.base, endpoint: endpoint, configuration: configuration)
        else {
            apply(state.openFailed())
            return nil
        }
        connections[connection.id] = connection
        state.opened(connection.id)
        observer.backendConnectionOpened()
        report()
        return connection
    }

    private func finish(_ connection: BackendConnection, reusable: Bool) {
        if reusable {
            apply(state.release(connection.id, now: clock.monotonicNanos()))
        } else {
            retire(connection)
        }
        report()
    }

    private func retire(_ connection: BackendConnection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        graveyard.append(connection)
        apply(state.discard(connection.id))
    }

    private func apply(_ handoff: PoolState.Handoff) {
        switch handoff {
        case .none:
            break
        case .give(let id, let ticket):
            waiting.removeValue(forKey: ticket)?.resume(returning: connections[id])
        case .openFor(let ticket):
            let connection = open()
            waiting.removeValue(forKey: ticket)?.resume(returning: connection)
        }
    }

    /// evhttp closed a connection (server idle timeout, reset, `Connection: close`).
    func connectionClosed(_ connection: BackendConnection) {
        // An idle connection leaves the pool now; a busy one when its exchange finishes.
        if state.idle.contains(where: { $0.id == connection.id }) {
            retire(connection)
            report()
        }
    }

    /// Periodic tick: expire waiters, evict idle connections, free closed ones.
    func tick() {
        let now = clock.monotonicNanos()
        for ticket in state.expireWaiters(now: now) {
            waiting.removeValue(forKey: ticket)?.resume(returning: nil)
        }
        for connection in connections.values {
            if let exchange = connection.exchange, exchange.isPending, exchange.deadline <= now { exchange.expire() }
        }
        for id in state.evictIdle(now: now) {
            if let connection = connections.removeValue(forKey: id) { graveyard.append(connection) }
        }
        let dead = graveyard
        graveyard.removeAll()
        for connection in dead {
            connection.free()
        }
        if !dead.isEmpty { report() }
    }

    private func report() {
        observer.pool(loop: loop.index, inUse: state.busy.count, idle: state.idle.count, waiting: state.waiters.count)
    }

    /// Frees the timer and every connection.
    func shutdown() {
        loop.assertInLoop()
        if let timer { event_free(timer) }
        timer = nil
        for (_, continuation) in waiting { continuation.resume(returning: nil) }
        waiting.removeAll()
        for connection in connections.values { connection.free() }
        connections.removeAll()
        for connection in graveyard { connection.free() }
        graveyard.removeAll()
    }
}

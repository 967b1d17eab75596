public import Pipeline

/// A `Transport` over per-loop pools of keep-alive connections to one backend.
///
/// Each loop gets its own pool on first use, touched only from that loop's thread. A caller that
/// is not on a loop (a CLI tool, a readiness probe) is moved onto one for the exchange.
public final class PooledTransport: Transport, @unchecked Sendable {
    let group: LoopGroup
    let endpoint: BackendEndpoint
    let configuration: BackendPoolConfiguration
    let observer: any BackendPoolObserver
    let clock: Clock

    /// Creates the transport; pools are created lazily per loop and read idle times from `clock`.
    public init(
        group: LoopGroup, endpoint: BackendEndpoint, configuration: BackendPoolConfiguration,
        observer: any BackendPoolObserver = NoBackendPoolObserver(), clock: Clock = .system
    ) {
        self.group = group
        self.endpoint = endpoint
        self.configuration = configuration
        self.observer = observer
        self.clock = clock
    }

    public func send(_ request: OutboundRequest) async throws -> InboundResponse {
        if let loop = Loop.current, group.loops.indices.contains(loop.index), group.loops[loop.index] === loop {
            return try await pool(for: loop).send(request)
        }
        let loop = group.any()
        return try await withTaskExecutorPreference(loop) {
            try await self.pool(for: loop).send(request)
        }
    }

    /// Connections opened on every loop so far.
    public func connectionsOpened() async -> Int {
        var total = 0
        for loop in group.loops {
            total += await withTaskExecutorPreference(loop) { self.pool(for: loop).connectionsOpened }
        }
        return total
    }

    /// Idle connections and queued requests on every loop now.
    func idleAndWaiting() async -> (idle: Int, waiting: Int) {
        var total = (idle: 0, waiting: 0)
        for loop in group.loops {
            let counts: (idle: Int, waiting: Int) = await withTaskExecutorPreference(loop) {
                loop.state.pools[ObjectIdentifier(self)]?.idleAndWaiting ?? (0, 0)
            }
            total.idle += counts.idle
            total.waiting += counts.waiting
        }
        return total
    }

    /// Runs every pool's periodic tick now (on its loop), so a test that advanced the clock sees
    /// idle connections evicted and expired waiters failed without waiting for the 50 ms timer.
    func tick() async {
        for loop in group.loops {
            await withTaskExecutorPreference(loop) { loop.state.pools[ObjectIdentifier(self)]?.tick() }
        }
    }

    /// Closes every pool's connections (on their loops).
    public func shutdown() async {
        for loop in group.loops {
            await withTaskExecutorPreference(loop) {
                loop.state.pools.removeValue(forKey: ObjectIdentifier(self))?.shutdown()
            }
        }
    }

    /// This transport's pool on `loop`; call on the loop's thread.
    private func pool(for loop: Loop) -> BackendPool {
        loop.assertInLoop()
        let key = ObjectIdentifier(self)
        if let pool = loop.state.pools[key] { return pool }
        let created = BackendPool(loop: loop, endpoint: endpoint, configuration: configuration, observer: observer, clock: clock)
        loop.state.pools[key] = created
        return created
    }
}

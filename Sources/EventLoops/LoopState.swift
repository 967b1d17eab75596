import Synchronization

/// Per-loop mutable state; touched only on its loop's thread, so it needs no locks.
final class LoopState: @unchecked Sendable {
    /// Requests accepted on this loop and not yet answered.
    var inFlight = 0
    /// Accepted client connections, by bufferevent address.
    var connections: [OpaquePointer: ClientConnection] = [:]
    /// Requests started since the last disconnect-watch sweep (see `LoopFrontEnd.sweepWatches`).
    var unwatched: [InboundExchange] = []
    /// Backend pools owned by this loop, one per transport.
    var pools: [ObjectIdentifier: BackendPool] = [:]
    /// The front end of each listener on this loop, for the listener's error callback (whose
    /// argument is evhttp's, not ours).
    var listeners: [OpaquePointer: WeakFrontEnd] = [:]
    /// When to give freed heap back after large answers (`HeapReturn`).
    var heapReturn = HeapReturn.Schedule()
    /// Trims this loop ran (read by tests from other threads).
    let heapTrims = Atomic<Int>(0)
}

/// A front end the loop state does not keep alive.
struct WeakFrontEnd {
    weak var value: LoopFrontEnd?
}

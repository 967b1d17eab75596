import CloudStack
import EventLoops
import Pipeline
import Synchronization

/// Counts client connections as the simulator's HTTP server sees them.
final class ConnectionCounter: FrontEndObserver {
    let opened = Atomic<Int>(0)
    let closed = Atomic<Int>(0)
    func connectionOpened(tls: Bool) { opened.add(1, ordering: .relaxed) }
    func connectionClosed(tls: Bool) { closed.add(1, ordering: .relaxed) }
    func tlsHandshake(success: Bool) {}
    func shed(_ request: Request) {}
}

/// Records the client's retries.
final class RetryCounter: ClientObserver {
    let retries = Atomic<Int>(0)
    func requestFinished(command: String, outcome: RequestOutcome, latencyNanos: UInt64) {}
    func requestRetried(command: String, attempt: Int) { retries.add(1, ordering: .relaxed) }
    func requestThrottled(command: String) {}
}

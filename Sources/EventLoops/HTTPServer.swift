internal import CLibevent
import Crypto
import Dispatch
import Glibc
public import Pipeline
import Synchronization

/// The client-facing HTTP/HTTPS front end: shared listening sockets accepted by every loop.
public final class HTTPServer: @unchecked Sendable {
    /// The loops serving this front end.
    public let group: LoopGroup
    /// Answers every accepted request.
    let responder: any Responder
    /// Builds the front end's own refusals (431 headers too large, 503 shed) in the API's format.
    let reject: @Sendable (Request, Int) -> Response
    let observer: any FrontEndObserver
    let limits: FrontEndLimits
    /// Reads time for the connection deadlines (`checkDeadlines()`); libevent's own timers stay as the backstop.
    let clock: Clock
    /// Benchmark baseline only: when set, every request gets this response straight from the evhttp
    /// callback, with no task and no pipeline (docs/performance.md compares the two).
    let staticReply: Response?
    /// Requests in flight across all loops (for graceful shutdown).
    let inFlightTotal = Atomic<Int>(0)
    /// The ports actually bound, in listener order (useful with port 0).
    public let boundPorts: [Int]
    private var frontEnds: [LoopFrontEnd] = []
    private let listeningSockets: [Int32]
    /// Set once the listening sockets are closed; closing twice would close a reused descriptor.
    private let accepting = Atomic<Bool>(true)

    /// Binds every listener and attaches it to every loop; `clock` times the idle and request deadlines.
    public init(
        group: LoopGroup, listeners: [ListenerConfiguration], limits: FrontEndLimits, responder: any Responder,
        reject: @escaping @Sendable (Request, Int) -> Response, observer: any FrontEndObserver = NoFrontEndObserver(),
        staticReply: Response? = nil, clock: Clock = .system
    ) throws(EventLoopError) {
        self.staticReply = staticReply
        self.clock = clock
        self.group = group
        self.responder = responder
        self.reject = reject
        self.observer = observer
        self.limits = limits
        var sockets: [Int32] = []
        var ports: [Int] = []
        for listener in listeners {
            do {
                let (fd, port) = try ListeningSocket.bind(address: listener.address, port: listener.port)
                sockets.append(fd)
                ports.append(port)
            } catch {
                sockets.forEach { _ = Glibc.close($0) }
                throw error
            }
        }
        listeningSockets = sockets
        boundPorts = ports
        frontEnds = group.loops.map { LoopFrontEnd(loop: $0, server: self) }
        for (index, listener) in listeners.enumerated() {
            let fd = sockets[index]
            let failure = Mutex<EventLoopError?>(nil)
            HTTPServer.onEveryLoop(frontEnds) { frontEnd in
                do throws(EventLoopError) {
                    try frontEnd.attach(listeningSocket: fd, tls: listener.tls, limits: limits)
                } catch {
                    failure.withLock { $0 = error }
                }
            }
            if let error = failure.withLock({ $0 }) {
                close()
                throw error
            }
        }
    }

    /// Requests currently in flight on all loops.
    public var inFlight: Int { inFlightTotal.load(ordering: .relaxed) }

    /// Stops accepting new connections on every loop; open connections keep being served.
    public func stopAccepting() {
        guard accepting.exchange(false, ordering: .acquiringAndReleasing) else { return }
        HTTPServer.onEveryLoop(frontEnds) { $0.stopAccepting() }
        for fd in listeningSockets {
            Glibc.close(fd)
        }
    }

    /// Waits until no request is in flight or `seconds` have passed; true when drained.
    public func drain(withinSeconds seconds: Double) async -> Bool {
        let deadline = Clock.system.monotonicNanos() + UInt64(max(0, seconds) * 1e9)
        while inFlight > 0 {
            if Clock.system.monotonicNanos() >= deadline { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return true
    }

    /// Runs every loop's connection check now, on `clock`'s time: connections idle for `idleTimeoutSeconds` or
    /// without a complete request for `requestDeadlineSeconds` are cut. Each loop also runs it once a second; tests
    /// advance a manual clock and call this instead of waiting.
    public func checkDeadlines() {
        HTTPServer.onEveryLoop(frontEnds) { $0.checkConnections() }
    }

    /// When each open client connection was last active, on `clock` (tests wait for bytes to have arrived).
    func inputTimes() -> [UInt64] {
        let times = Mutex<[UInt64]>([])
        HTTPServer.onEveryLoop(frontEnds) { frontEnd in
            let mine = frontEnd.loop.state.connections.values.filter { $0.frontEnd === frontEnd }.map(\.lastActiveAt)
            times.withLock { $0 += mine }
        }
        return times.withLock { $0 }
    }

    /// Frees every evhttp, closing the remaining connections.
    public func close() {
        HTTPServer.onEveryLoop(frontEnds) { $0.close() }
    }

    /// Runs `body` on each loop's thread and waits for all of them.
    static func onEveryLoop(_ frontEnds: [LoopFrontEnd], _ body: @escaping @Sendable (LoopFrontEnd) -> Void) {
        let done = DispatchSemaphore(value: 0)
        for frontEnd in frontEnds {
            let box = UncheckedFrontEnd(frontEnd: frontEnd)
            frontEnd.loop.execute {
                body(box.frontEnd)
                done.signal()
            }
        }
        for _ in frontEnds {
            done.wait()
        }
    }
}

/// Carries a loop-confined front end to its own loop.
private struct UncheckedFrontEnd: @unchecked Sendable {
    let frontEnd: LoopFrontEnd
}

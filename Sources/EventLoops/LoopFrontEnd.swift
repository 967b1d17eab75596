internal import CLibevent
import Crypto
import Glibc
import Pipeline

/// Owns one loop's `evhttp` instances (one per listener) and answers their requests.
final class LoopFrontEnd: @unchecked Sendable {
    /// Strong: an exchange still answering after the server let go of this front end needs the loop.
    let loop: Loop
    unowned let server: HTTPServer
    /// The server's responder, limits and benchmark reply, copied here so the per-request path does
    /// not go through the unowned `server` reference (an atomic strong-retain on every access).
    let responder: any Responder
    let limits: FrontEndLimits
    let staticReply: Response?
    /// The server's clock, for connection deadlines.
    let clock: Clock
    /// One evhttp per listener, with the listener's bound-socket handle and TLS holder.
    private(set) var endpoints: [(http: OpaquePointer, bound: OpaquePointer?, tls: TLSServerContextHolder?)] = []
    /// Periodic sweep that arms disconnect watches on requests still running.
    private var sweepTimer: OpaquePointer?
    /// How often the sweep runs: a request answered within this time never costs a watch.
    static let watchDelay = timeval(tv_sec: 0, tv_usec: 50_000)
    /// Sweeps between two connection-deadline checks (20 x 50 ms = 1 s).
    static let deadlineEvery = 20
    private var sweeps = 0
    /// Client connections of this front end on this loop (other servers may share the loop).
    private(set) var connectionCount = 0
    /// Connections cut to make room, released as soon as evhttp has freed them (not a second later).
    private var cutConnections: [ClientConnection] = []
    /// Whether the listeners are enabled; they are disabled at the hard connection limit and while
    /// backing off after a failed accept.
    private var listening = true
    /// Reached the hard limit; accepting resumes once back at the cap.
    private var atHardLimit = false
    /// One-shot timer ending the pause after a failed accept.
    private var backoffTimer: OpaquePointer?
    private var backingOff = false
    /// Accept failures since the last report, and when that was.
    private var acceptFailures = 0
    private var lastAcceptReport: UInt64?
    /// How long accepting pauses after `accept` failed: without a pause the listening socket stays
    /// readable and the loop spins on EMFILE (libevent 2.1 retries at once and logs each failure).
    static let acceptBackoff = timeval(tv_sec: 0, tv_usec: 100_000)
    /// Connections looked at to find an idle one to close when over the cap.
    static let evictionSample = 1024
    /// Seconds between two reports of accept failures.
    static let acceptErrorReportSeconds: UInt64 = 10

    init(loop: Loop, server: HTTPServer) {
        self.loop = loop
        self.server = server
        self.responder = server.responder
        self.limits = server.limits
        self.staticReply = server.staticReply
        self.clock = server.clock
    }

    /// Creates this loop's evhttp for a shared listening socket (a `dup` of it, so each loop closes its own).
    func attach(listeningSocket fd: Int32, tls: TLSServerContextHolder?, limits: FrontEndLimits) throws(EventLoopError) {
        loop.assertInLoop()
        guard let http = evhttp_new(loop.base) else { throw .libevent("evhttp_new") }
        // Headers are read up to 4x the limit so that our own check can answer 431; evhttp itself
        // would answer anything it refuses with a generic error.
        evhttp_set_max_headers_size(http, limits.maxHeaderBytes * 4 + 1024)
        evhttp_set_max_body_size(http, limits.maxBodyBytes)
        var timeout = timeval(tv_sec: limits.idleTimeoutSeconds, tv_usec: 0)
        evhttp_set_timeout_tv(http, &timeout)
        let methods =
            EVHTTP_REQ_GET.rawValue | EVHTTP_REQ_POST.rawValue | EVHTTP_REQ_HEAD.rawValue
            | EVHTTP_REQ_PUT.rawValue | EVHTTP_REQ_DELETE.rawValue | EVHTTP_REQ_PATCH.rawValue | EVHTTP_REQ_OPTIONS.rawValue
        evhttp_set_allowed_methods(http, UInt16(methods))
        let context = Unmanaged.passUnretained(self).toOpaque()
        // Ownership: evhttp callbacks hold an unretained pointer; the server keeps this front end alive until close().
        if tls != nil {
            evhttp_set_gencb(http, tlsRequestCallback, context)
            evhttp_set_bevcb(http, tlsBufferEventCallback, context)
        } else {
            evhttp_set_gencb(http, plainRequestCallback, context)
            evhttp_set_bevcb(http, plainBufferEventCallback, context)
        }
        let copy = dup(fd)
        guard copy >= 0 else {
            evhttp_free(http)
            throw .system("dup", errno)
        }
        guard let bound = evhttp_accept_socket_with_handle(http, copy) else {
            Glibc.close(copy)
            evhttp_free(http)
            throw .libevent("evhttp_accept_socket_with_handle")
        }
        if let listener = evhttp_bound_socket_get_listener(bound) {
            // The callback finds this front end through the loop state (weak), not a context pointer.
            loop.state.listeners[listener] = WeakFrontEnd(value: self)
            evconnlistener_set_error_cb(listener, listenerErrorCallback)
        }
        endpoints.append((http, bound, tls))
        if sweepTimer == nil {
            // Ownership: unretained self; the timer is freed in close().
            sweepTimer = event_new(loop.base, -1, Int16(EV_PERSIST), disconnectSweepCallback, context)
            var delay = LoopFrontEnd.watchDelay
            if let sweepTimer { event_add(sweepTimer, &delay) }
        }
    }

    /// Arms a disconnect watch on every request still running since the last sweep. Watching costs
    /// two epoll_ctl calls, so the many requests answered within one sweep interval never pay them.
    func sweepWatches() {
        sweeps += 1
        loop.state.returnHeapIfDue(now: clock.monotonicNanos())
        if sweeps % LoopFrontEnd.deadlineEvery == 0 { checkConnections() }
        if !cutConnections.isEmpty {
            let cut = cutConnections
            cutConnections.removeAll()
            for connection in cut {
                if connection.inUseByEvhttp { cutConnections.append(connection) } else { release(connection) }
            }
        }
        let pending = loop.state.unwatched
        loop.state.unwatched.removeAll(keepingCapacity: true)
        for exchange in pending where !exchange.replied {
            exchange.watchForDisconnect(base: loop.base)
        }
    }

    /// The bufferevent for a newly accepted HTTPS connection (TLS from the first TLS endpoint's holder).
    func makeTLSBufferEvent(base: OpaquePointer) -> OpaquePointer? {
        guard let holder = endpoints.first(where: { $0.tls != nil })?.tls, let ssl = holder.makeSession() else { return nil }
        let bev = bufferevent_openssl_socket_new(
            base, -1, ssl, BUFFEREVENT_SSL_ACCEPTING, Int32(BEV_OPT_CLOSE_ON_FREE.rawValue))
        guard let bev else { return nil }
        // A client that closes without close_notify is normal on the web; not an error for us.
        bufferevent_openssl_set_allow_dirty_shutdown(bev, 1)
        return accepted(bev, tls: true)
    }

    /// The bufferevent for a newly accepted plain-HTTP connection.
    func makePlainBufferEvent(base: OpaquePointer) -> OpaquePointer? {
        guard let bev = bufferevent_socket_new(base, -1, Int32(BEV_OPT_CLOSE_ON_FREE.rawValue)) else { return nil }
        return accepted(bev, tls: false)
    }

    /// Starts tracking an accepted connection. Our reference keeps the bufferevent (and its socket)
    /// alive until we let go, so the deadline sweep never touches a freed or reused descriptor.
    private func accepted(_ bev: OpaquePointer, tls: Bool) -> OpaquePointer {
        // Ownership: one bufferevent reference, dropped in release(_:).
        bufferevent_incref(bev)
        let connection = ClientConnection(bev: bev, tls: tls, frontEnd: self, now: clock.monotonicNanos())
        loop.state.connections[bev] = connection
        connection.watchBuffers()
        connectionCount += 1
        server.observer.connectionOpened(tls: tls)
        if connectionCount > max(1, limits.maxConnectionsPerLoop) && !closeOldestIdle(sparing: connection) {
            connection.shed = true
        }
        updateAccepting()
        return bev
    }

    /// Over the cap: closes the connection idle the longest (a keep-alive client reconnects; a
    /// flood of silent connections cannot crowd out clients that send requests).
    ///
    /// The oldest among at most `evictionSample` connections, not among all: under a flood every
    /// accept comes here, and a full scan of a large cap per accept would be the flood's lever.
    private func closeOldestIdle(sparing new: ClientConnection) -> Bool {
        var oldest: ClientConnection?
        var examined = 0
        for connection in loop.state.connections.values {
            examined += 1
            if examined > LoopFrontEnd.evictionSample { break }
            guard connection !== new, connection.frontEnd === self, connection.isIdle, let since = connection.awaitingSince else {
                continue
            }
            if since < (oldest?.awaitingSince ?? UInt64.max) { oldest = connection }
        }
        guard let oldest else { return false }
        oldest.cut()
        cutConnections.append(oldest)
        return true
    }

    /// Enables or disables the listeners for the connection count and the accept back-off.
    private func updateAccepting() {
        if !atHardLimit && connectionCount >= limits.connectionHardLimit {
            atHardLimit = true
        } else if atHardLimit && connectionCount <= max(1, limits.maxConnectionsPerLoop) {
            // At the cap, not below it: only a new accept closes an idle connection to make room, so
            // a cap filled with idle connections must not keep the listener off.
            atHardLimit = false
        }
        let wanted = !atHardLimit && !backingOff
        guard wanted != listening else { return }
        listening = wanted
        for endpoint in endpoints {
            guard let bound = endpoint.bound, let listener = evhttp_bound_socket_get_listener(bound) else { continue }
            if wanted { evconnlistener_enable(listener) } else { evconnlistener_disable(listener) }
        }
    }

    /// `accept` failed (listener error callback): pause, and report at most every few seconds.
    func acceptFailed(_ error: Int32) {
        acceptFailures += 1
        let now = clock.monotonicNanos()
        if lastAcceptReport.map({ now &- $0 >= LoopFrontEnd.acceptErrorReportSeconds * 1_000_000_000 }) ?? true {
            server.observer.acceptFailed(errno: error, suppressed: acceptFailures - 1)
            acceptFailures = 0
            lastAcceptReport = now
        }
        backingOff = true
        updateAccepting()
        if backoffTimer == nil {
            // Ownership: unretained self; the timer is freed in close().
            backoffTimer = event_new(loop.base, -1, 0, acceptResumeCallback, Unmanaged.passUnretained(self).toOpaque())
        }
        var delay = LoopFrontEnd.acceptBackoff
        if let backoffTimer { event_add(backoffTimer, &delay) }
    }

    /// The pause after a failed accept is over.
    func acceptBackoffOver() {
        backingOff = false
        updateAccepting()
    }

    /// Stops tracking a connection evhttp has finished with.
    private func release(_ connection: ClientConnection) {
        guard loop.state.connections.removeValue(forKey: connection.bev) != nil else { return }
        connection.closed()
        bufferevent_decref(connection.bev)
        connectionCount -= 1
        server.observer.connectionClosed(tls: connection.tls)
        updateAccepting()
    }

    /// Once a second (and on `HTTPServer.checkDeadlines()`): forget connections evhttp freed without a request,
    /// and cut off connections waiting for a request that have sent nothing for the idle timeout or have not
    /// produced a complete request within the request deadline (slow clients, slow-loris), on `clock`'s time.
    /// evhttp's and the bufferevents' own idle timers (real time) stay as the backstop.
    func checkConnections() {
        let now = clock.monotonicNanos()
        let deadline = UInt64(max(0, limits.requestDeadlineSeconds)) * Clock.nanosPerSecond
        let idle = UInt64(max(0, limits.idleTimeoutSeconds)) * Clock.nanosPerSecond
        for connection in Array(loop.state.connections.values) where connection.frontEnd === self {
            if !connection.inUseByEvhttp {
                release(connection)
            } else if let since = connection.awaitingSince, !connection.cutOff {
                // Quiet only once the last answer is written: a client reading a long answer is the write timeout's.
                if connection.writing { connection.lastActiveAt = max(connection.lastActiveAt, now) }
                let quietSince = max(since, connection.lastActiveAt)
                let quiet = now >= quietSince && now - quietSince >= idle
                if now &- since > deadline || quiet { connection.cut() }
            }
        }
    }

    /// Stops accepting on this loop; connections already open keep being served.
    func stopAccepting() {
        loop.assertInLoop()
        for index in endpoints.indices {
            if let bound = endpoints[index].bound {
                if let listener = evhttp_bound_socket_get_listener(bound) { loop.state.listeners[listener] = nil }
                evhttp_del_accept_socket(endpoints[index].http, bound)
                endpoints[index].bound = nil
            }
        }
    }

    /// Frees every evhttp (closing idle and remaining connections).
    func close() {
        loop.assertInLoop()
        stopAccepting()
        if let sweepTimer {
            event_free(sweepTimer)
            self.sweepTimer = nil
        }
        if let backoffTimer {
            event_free(backoffTimer)
            self.backoffTimer = nil
        }
        sweepWatches()
        loop.state.unwatched.removeAll()
        for endpoint in endpoints {
            evhttp_free(endpoint.http)
        }
        endpoints.removeAll()
        for connection in Array(loop.state.connections.values) where connection.frontEnd === self {
            release(connection)
        }
    }

    /// evhttp is freeing a client connection.
    func connectionClosed(_ connection: ClientConnection) {
        // Dropping our reference here is safe: evhttp holds its own until it frees the bufferevent.
        release(connection)
    }
}

internal import CLibevent

/// Owns the Swift side of one accepted client connection: a reference on its bufferevent (so the
/// socket stays valid while we look at it), its request deadline, and the request in flight.
///
/// evhttp owns the connection itself. We learn of its end through the close callback (registered on
/// the first request, called before evhttp frees the bufferevent) or, for a connection that never
/// sent a request, through the sweep noticing that `bufferevent_free` has cleared its callbacks.
final class ClientConnection: @unchecked Sendable {
    let bev: OpaquePointer
    let tls: Bool
    unowned let frontEnd: LoopFrontEnd
    /// Set on the first request.
    var evcon: OpaquePointer?
    /// The request currently being answered on this connection, if any.
    var current: InboundExchange?
    /// Since when the connection has been waiting for a complete request (monotonic nanos); nil while
    /// a request is being answered.
    var awaitingSince: UInt64?
    /// Set once the deadline cut the connection off, so it is not cut twice.
    var cutOff = false

    init(bev: OpaquePointer, tls: Bool, frontEnd: LoopFrontEnd, now: UInt64) {
        self.bev = bev
        self.tls = tls
        self.frontEnd = frontEnd
        self.awaitingSince = now
    }

    /// evhttp is closing the connection: cancel whatever runs for it.
    func closed() {
        frontEnd.loop.assertInLoop()
        current?.clientWentAway()
        current = nil
    }

    /// Whether evhttp still uses the bufferevent. `bufferevent_free` clears every callback first;
    /// the event callback is the one to look at, because evhttp also clears the read callback
    /// (only) while it writes a response.
    var inUseByEvhttp: Bool {
        var event: bufferevent_event_cb?
        bufferevent_getcb(bev, nil, nil, &event, nil)
        return event != nil
    }

    /// Ends the connection from our side; evhttp notices EOF and frees it.
    func cut() {
        cutOff = true
        let fd = bufferevent_getfd(bev)
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
    }
}

internal import CLibevent
import Glibc

/// Owns the Swift side of one accepted client connection: a reference on its bufferevent (so the
/// socket stays valid while we look at it), its request deadline, the request in flight, and the
/// two buffer watches that see the raw bytes evhttp reads and writes.
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
    /// When bytes last arrived or an answer was last seen still being written (monotonic nanos on the front
    /// end's clock), for the idle cut-off: as with evhttp's own timer, idling starts once the answer is out.
    var lastActiveAt: UInt64
    /// Set once the deadline cut the connection off, so it is not cut twice.
    var cutOff = false
    /// Accepted beyond the loop's connection cap with nothing idle to make room: its first request is
    /// answered 503 and the connection closed.
    var shed = false
    /// The client shut down its sending side (EOF while a request was worked on): it still reads.
    var halfClosed = false
    /// A NUL byte arrived: evhttp's C strings would cut a header at it, so the request is refused.
    var sawNUL = false
    /// Bytes read since the last complete request (tells an over-long head from other bad input).
    var receivedSinceRequest = 0
    /// The start of the request line being read (at most `requestLineLimit` bytes), so that an
    /// answer evhttp makes itself can be replaced by one in the request's API format.
    var requestLine: [UInt8] = []
    /// Whether `requestLine` holds the whole line.
    var requestLineComplete = false
    /// Set while our own reply is written into the output buffer; any other bytes there are evhttp's.
    var replying = false
    /// Our answer replacing an error page of evhttp's, once it started one.
    var substitute: [UInt8]?
    /// Set while the output watch rewrites the buffer (its own changes call it again).
    var rewriting = false
    private var inputWatch: OpaquePointer?
    private var outputWatch: OpaquePointer?

    /// Longest request line kept for routing an evhttp error page.
    static let requestLineLimit = 8192

    init(bev: OpaquePointer, tls: Bool, frontEnd: LoopFrontEnd, now: UInt64) {
        self.bev = bev
        self.tls = tls
        self.frontEnd = frontEnd
        self.awaitingSince = now
        self.lastActiveAt = now
    }

    /// Hooks the buffer watches. Ownership: both hold an unretained pointer to self and are removed
    /// in `unwatchBuffers()` before the front end lets go of the connection.
    func watchBuffers() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        inputWatch = evbuffer_add_cb(bufferevent_get_input(bev), clientInputCallback, context)
        outputWatch = evbuffer_add_cb(bufferevent_get_output(bev), clientOutputCallback, context)
    }

    /// Removes the buffer watches (the buffers live as long as our bufferevent reference).
    func unwatchBuffers() {
        if let inputWatch { evbuffer_remove_cb_entry(bufferevent_get_input(bev), inputWatch) }
        if let outputWatch { evbuffer_remove_cb_entry(bufferevent_get_output(bev), outputWatch) }
        inputWatch = nil
        outputWatch = nil
    }

    /// evhttp is closing the connection: cancel whatever runs for it.
    func closed() {
        frontEnd.loop.assertInLoop()
        unwatchBuffers()
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

    /// Whether an answer is still being written (bytes wait in the output buffer).
    var writing: Bool { evbuffer_get_length(bufferevent_get_output(bev)) > 0 }

    /// Whether the connection may be closed to make room: no request read or answered on it now.
    /// evhttp must still use it: once evhttp freed it, its descriptor number may already belong to
    /// another connection, which `cut()` would shut down.
    var isIdle: Bool { current == nil && awaitingSince != nil && !cutOff && receivedSinceRequest == 0 && inUseByEvhttp }

    /// Ends the connection from our side; evhttp notices EOF and frees it.
    func cut() {
        cutOff = true
        let fd = bufferevent_getfd(bev)
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// A request was handed over: the next bytes belong to the next request.
    func requestArrived(input buffer: OpaquePointer?) {
        awaitingSince = nil
        receivedSinceRequest = 0
        requestLine.removeAll(keepingCapacity: true)
        requestLineComplete = false
        // A pipelined request's line may already be buffered: no new bytes will announce it.
        if let buffer { captureRequestLine(buffer) }
    }

    /// Bytes were added to the input buffer (before evhttp's read callback parses them).
    func inputAdded(_ buffer: OpaquePointer, count: Int) {
        lastActiveAt = frontEnd.clock.monotonicNanos()
        let (sum, overflow) = receivedSinceRequest.addingReportingOverflow(count)
        receivedSinceRequest = overflow ? Int.max : sum
        let length = evbuffer_get_length(buffer)
        if !sawNUL, count <= length {
            var start = evbuffer_ptr()
            var zero: CChar = 0
            if evbuffer_ptr_set(buffer, &start, length - count, EVBUFFER_PTR_SET) == 0 {
                sawNUL = evbuffer_search(buffer, &zero, 1, &start).pos >= 0
            }
        }
        if !requestLineComplete { captureRequestLine(buffer) }
    }

    /// Copies the start of the buffer as the request line while evhttp has not consumed it.
    private func captureRequestLine(_ buffer: OpaquePointer) {
        let length = min(evbuffer_get_length(buffer), ClientConnection.requestLineLimit)
        guard length > 0 else { return }
        var line = [UInt8](repeating: 0, count: length)
        let copied = line.withUnsafeMutableBytes { evbuffer_copyout(buffer, $0.baseAddress, length) }
        guard copied > 0 else { return }
        line.removeSubrange(copied...)
        // Leading empty lines before a request are allowed (RFC 9112 section 2.2) and skipped by evhttp.
        while let first = line.first, first == 13 || first == 10 { line.removeFirst() }
        if let end = line.firstIndex(of: 10) {
            line.removeSubrange(end...)
            if line.last == 13 { line.removeLast() }
            requestLineComplete = true
        } else if copied >= ClientConnection.requestLineLimit {
            // Enough to route by; copying the same 8 KiB again for every byte that follows would not be.
            requestLineComplete = true
        }
        requestLine = line
    }

    /// Bytes were added to the output buffer. Outside our own reply they are an error page evhttp
    /// writes itself (an unparseable request, a head or body over its limits): replace it.
    func outputAdded(_ buffer: OpaquePointer) {
        guard !replying, !rewriting else { return }
        if substitute == nil {
            var head = [UInt8](repeating: 0, count: 12)
            let copied = head.withUnsafeMutableBytes { evbuffer_copyout(buffer, $0.baseAddress, 12) }
            // "HTTP/1.1 400": evhttp's interim `100 Continue` is left alone.
            guard copied == 12, head.starts(with: Array("HTTP/1.".utf8)) else { return }
            let digits = head[9..<12]
            guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return }
            let status = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
            guard status >= 400 else { return }
            substitute = frontEnd.errorPage(replacing: status, on: self)
        }
        guard let substitute else { return }
        rewriting = true
        evbuffer_drain(buffer, evbuffer_get_length(buffer))
        substitute.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { _ = evbuffer_add(buffer, base, bytes.count) }
        }
        rewriting = false
    }
}

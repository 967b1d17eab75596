internal import CLibevent
import Glibc
import Pipeline

/// Owns one inbound `evhttp_request` until it is answered; replies exactly once.
///
/// If the client disconnects first, libevent detaches the request and frees it on our reply
/// (libevent 2.1 `evhttp_connection_incoming_fail`), so a reply is always sent, even late.
final class InboundExchange: @unchecked Sendable {
    private let request: OpaquePointer
    let frontEnd: LoopFrontEnd
    private(set) var replied = false
    /// When the responder was started, on the front end's clock (for `HeapReturn.longRequestNanos`).
    private var startedNanos: UInt64?
    private(set) var clientGone = false
    /// The request's pipeline task while it runs (for cancellation); dropped on reply.
    var task: Task<Void, Never>?
    /// The parsed request, until the pipeline task takes it.
    var pending: Request?
    /// Whether this exchange counts towards its loop's in-flight requests (set before its task starts).
    var counted = false
    weak var connection: ClientConnection?
    /// A one-shot read watch on the client socket: evhttp does not read while we work on a request,
    /// so without it a disconnect would only be noticed when the reply is written.
    private var watch: OpaquePointer?

    init(request: OpaquePointer, frontEnd: LoopFrontEnd) {
        self.request = request
        self.frontEnd = frontEnd
    }

    deinit {
        stopWatching()
        // STYLE.md: the owner's deinit answers 500 if nothing was sent, so no request leaks.
        if !replied {
            let raw = UncheckedPointer(request)
            let loop = frontEnd.loop
            let connection = UncheckedConnection(connection)
            let send: @Sendable () -> Void = {
                connection.value?.replying = true
                evhttp_send_error(raw.pointer, 500, nil)
                connection.value?.replying = false
            }
            if loop.inLoopThread { send() } else { loop.execute(send) }
        }
    }

    /// The client closed the connection: cancel the work; the reply will only free the request.
    func clientWentAway() {
        stopWatching()
        clientGone = true
        task?.cancel()
    }

    /// Starts watching the client socket for EOF while the request is worked on.
    func watchForDisconnect(base: OpaquePointer) {
        guard let connection = evhttp_request_get_connection(request),
            let bev = evhttp_connection_get_bufferevent(connection)
        else { return }
        let fd = bufferevent_getfd(bev)
        guard fd >= 0 else { return }
        // Ownership: the event holds an unretained pointer to self; self frees the event first.
        watch = event_new(base, fd, Int16(EV_READ), clientWatchCallback, Unmanaged.passUnretained(self).toOpaque())
        if let watch { event_add(watch, nil) }
    }

    /// The watched socket became readable: an error means the client is gone; EOF only that it has
    /// shut down its sending side (a half-close, RFC 9112 section 9.6), and it still waits for its
    /// answer; data is a pipelined request, left for evhttp.
    func socketReadable(_ fd: Int32) {
        stopWatching()
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if n == 0 {
            // Not watched again: the socket stays readable at EOF. A client that closed completely is
            // noticed when the answer is written (the peer answers it with a reset).
            connection?.halfClosed = true
        } else if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK {
            clientWentAway()
        }
    }

    private func stopWatching() {
        if let watch {
            event_free(watch)
            self.watch = nil
        }
    }

    /// The request's pipeline: runs the server's responder on the pending request, then replies.
    /// The task closure captures only this exchange, so its context stays small.
    func run() async {
        guard let request = pending.take() else { return }
        startedNanos = frontEnd.clock.monotonicNanos()
        var context = RequestContext(requestID: "", startNanos: Clock.system.monotonicNanos())
        let response = await frontEnd.responder.respond(to: request, context: &context)
        reply(response)
    }

    /// Sends `response`. Must run on the loop thread; later calls are ignored.
    func reply(_ response: Response) {
        frontEnd.loop.assertInLoop()
        guard !replied else { return }
        replied = true
        task = nil
        stopWatching()
        frontEnd.finished(self)
        if clientGone {
            // Detached by libevent: this call frees the request without writing.
            evhttp_send_reply(request, Int32(response.status), nil, nil)
            return
        }
        let connection = self.connection
        connection?.replying = true
        defer {
            connection?.replying = false
            // evhttp reads while it writes, to notice a close; the EOF of a half-closed client would
            // make it drop the answer half-written. A client that is really gone fails the write.
            if let connection, connection.inUseByEvhttp { bufferevent_disable(connection.bev, Int16(EV_READ)) }
        }
        if let fault = response.fault {
            send(response, fault: fault)
            return
        }
        let headers = evhttp_request_get_output_headers(request)
        addHeaders(response.headers, to: headers)
        if connection?.halfClosed == true && response.headers["connection"] == nil {
            // Nothing more can arrive on this connection: close it once the answer is out.
            evhttp_add_header(headers, "Connection", "close")
        }
        if response.headers["content-type"] == nil {
            evhttp_add_header(headers, "Content-Type", "application/octet-stream")
        }
        let buffer = evhttp_request_get_output_buffer(request)
        response.body.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                evbuffer_add(buffer, base, bytes.count)
            }
        }
        sendReply(response.status)
        let now = frontEnd.clock.monotonicNanos()
        if response.body.count >= HeapReturn.largeReplyBytes || startedNanos.map({ now &- $0 >= HeapReturn.longRequestNanos }) == true {
            frontEnd.loop.state.heapReturn.noteLarge(at: now)
        }
    }

    /// Adds each field through `withCString`: passing a small (inline) Swift String where C expects
    /// a `char *` converts it through `utf8CString`, one array allocation per name and per value.
    private func addHeaders(_ fields: Headers, to headers: UnsafeMutablePointer<evkeyvalq>?) {
        for field in fields {
            field.name.withCString { name in
                field.value.withCString { value in _ = evhttp_add_header(headers, name, value) }
            }
        }
    }

    private func sendReply(_ status: Int) {
        let reason = UnsafeRawPointer(HTTPStatus.reason(status).utf8Start).assumingMemoryBound(to: CChar.self)
        evhttp_send_reply(request, Int32(status), reason, nil)
    }

    /// Error injection: reset the connection, or announce the full length and send less.
    private func send(_ response: Response, fault: ResponseFault) {
        let connection = evhttp_request_get_connection(request)
        switch fault {
        case .resetConnection:
            if let connection, let bev = evhttp_connection_get_bufferevent(connection) {
                let fd = bufferevent_getfd(bev)
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                shutdown(fd, Int32(SHUT_RDWR))
            }
            evhttp_send_reply(request, 500, nil, nil)
        case .truncateBody(let keep):
            let headers = evhttp_request_get_output_headers(request)
            addHeaders(response.headers, to: headers)
            evhttp_add_header(headers, "Content-Length", String(response.body.count))
            evhttp_add_header(headers, "Connection", "close")
            let buffer = evhttp_request_get_output_buffer(request)
            let kept = response.body.prefix(max(0, min(keep, response.body.count)))
            kept.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress, bytes.count > 0 { evbuffer_add(buffer, base, bytes.count) }
            }
            sendReply(response.status)
        }
    }
}

/// A C pointer carried across a `@Sendable` boundary; only dereferenced on its owner's loop.
struct UncheckedPointer: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}

/// A weak client connection carried to the loop thread by `deinit`.
struct UncheckedConnection: @unchecked Sendable {
    weak var value: ClientConnection?
    init(_ value: ClientConnection?) { self.value = value }
}

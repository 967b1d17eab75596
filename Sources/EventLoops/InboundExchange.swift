internal import CLibevent
import Glibc
import Pipeline

/// Owns one inbound `evhttp_request` until it is answered; replies exactly once.
///
/// If the client disconnects first, libevent detaches the request and frees it on our reply
/// (libevent 2.1 `evhttp_connection_incoming_fail`), so a reply is always sent, even late.
final class InboundExchange: @unchecked Sendable {
    private let request: OpaquePointer
    unowned let frontEnd: LoopFrontEnd
    private(set) var replied = false
    private(set) var clientGone = false
    var task: Task<Void, Never>?
    weak var connection: ClientConnection?

    init(request: OpaquePointer, frontEnd: LoopFrontEnd) {
        self.request = request
        self.frontEnd = frontEnd
    }

    deinit {
        // STYLE.md: the owner's deinit answers 500 if nothing was sent, so no request leaks.
        if !replied {
            let raw = UncheckedPointer(request)
            let loop = frontEnd.loop
            let send: @Sendable () -> Void = { evhttp_send_error(raw.pointer, 500, nil) }
            if loop.inLoopThread { send() } else { loop.execute(send) }
        }
    }

    /// The client closed the connection: cancel the work; the reply will only free the request.
    func clientWentAway() {
        clientGone = true
        task?.cancel()
    }

    /// Sends `response`. Must run on the loop thread; later calls are ignored.
    func reply(_ response: Response) {
        frontEnd.loop.assertInLoop()
        guard !replied else { return }
        replied = true
        frontEnd.finished(self)
        if clientGone {
            // Detached by libevent: this call frees the request without writing.
            evhttp_send_reply(request, Int32(response.status), nil, nil)
            return
        }
        if let fault = response.fault {
            send(response, fault: fault)
            return
        }
        let headers = evhttp_request_get_output_headers(request)
        for field in response.headers {
            evhttp_add_header(headers, field.name, field.value)
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
        evhttp_send_reply(request, Int32(response.status), HTTPStatus.reason(response.status), nil)
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
            for field in response.headers {
                evhttp_add_header(headers, field.name, field.value)
            }
            evhttp_add_header(headers, "Content-Length", String(response.body.count))
            evhttp_add_header(headers, "Connection", "close")
            let buffer = evhttp_request_get_output_buffer(request)
            let kept = response.body.prefix(max(0, min(keep, response.body.count)))
            kept.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress, bytes.count > 0 { evbuffer_add(buffer, base, bytes.count) }
            }
            evhttp_send_reply(request, Int32(response.status), HTTPStatus.reason(response.status), nil)
        }
    }
}

/// A C pointer carried across a `@Sendable` boundary; only dereferenced on its owner's loop.
struct UncheckedPointer: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}

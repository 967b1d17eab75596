internal import CLibevent
import Glibc
import Pipeline

/// Owns one `evhttp_connection` to the management server; one exchange at a time.
///
/// A connection that closes for any reason is discarded by the pool and replaced by a new one: an
/// HTTPS connection cannot be reconnected with its used `SSL` object.
final class BackendConnection: @unchecked Sendable {
    let id: Int
    let evcon: OpaquePointer
    unowned let pool: BackendPool
    /// Set by the close callback; the pool frees the evhttp_connection later, never inside it.
    private(set) var closed = false

    /// The exchange in flight (or the last one): the pool's tick expires it at its deadline.
    private(set) var exchange: BackendExchange?

    init?(id: Int, pool: BackendPool, base: OpaquePointer, endpoint: BackendEndpoint, configuration: BackendPoolConfiguration) {
        let timeoutSeconds = configuration.responseTimeoutSeconds
        var bev: OpaquePointer?
        if let tls = endpoint.tls {
            guard let ssl = tls.makeSession(host: endpoint.host) else { return nil }
            bev = bufferevent_openssl_socket_new(
                base, -1, ssl, BUFFEREVENT_SSL_CONNECTING, Int32(BEV_OPT_CLOSE_ON_FREE.rawValue | BEV_OPT_DEFER_CALLBACKS.rawValue))
            guard let bev else { return nil }
            bufferevent_openssl_set_allow_dirty_shutdown(bev, 1)
        }
        guard let evcon = evhttp_connection_base_bufferevent_new(base, nil, bev, endpoint.host, UInt16(endpoint.port)) else {
            return nil
        }
        self.id = id
        self.evcon = evcon
        self.pool = pool
        var timeout = timeval(tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - timeoutSeconds.rounded(.down)) * 1e6))
        evhttp_connection_set_timeout_tv(evcon, &timeout)
        // A peer-fed buffer needs a cap: without one a 300 MB answer is read whole into memory.
        evhttp_connection_set_max_body_size(evcon, max(0, configuration.maxResponseBytes))
        evhttp_connection_set_max_headers_size(evcon, max(1024, configuration.maxResponseHeaderBytes))
        // No automatic resend: a retried write could create a second VM. Retries are the client's decision.
        evhttp_connection_set_retries(evcon, 0)
        // Ownership: unretained; the pool keeps the connection alive until it frees the evhttp_connection.
        evhttp_connection_set_closecb(evcon, backendConnectionClosedCallback, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Frees the evhttp connection (and closes its socket). Only outside evhttp callbacks.
    func free() {
        evhttp_connection_set_closecb(evcon, nil, nil)
        evhttp_connection_free(evcon)
    }

    /// evhttp reports the connection closed.
    func didClose() {
        closed = true
        pool.connectionClosed(self)
    }

    /// Sends one request and waits for the whole response, until `deadline` (monotonic nanos) at most.
    func perform(_ request: OutboundRequest, hostHeader: String, deadline: UInt64) async throws -> InboundResponse {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<InboundResponse, any Error>) in
            let exchange = BackendExchange(continuation: continuation, deadline: deadline)
            self.exchange = exchange
            // Ownership: retained for libevent until the done callback takes it back, or released
            // below if evhttp_make_request fails (libevent then frees the request without calling back).
            let context = Unmanaged.passRetained(exchange).toOpaque()
            guard let raw = evhttp_request_new(backendRequestDoneCallback, context) else {
                Unmanaged<BackendExchange>.fromOpaque(context).release()
                continuation.resume(throwing: TransportError.connectFailed("evhttp_request_new"))
                return
            }
            evhttp_request_set_error_cb(raw, backendRequestErrorCallback)
            let headers = evhttp_request_get_output_headers(raw)
            evhttp_add_header(headers, "Host", hostHeader)
            for field in request.headers {
                evhttp_add_header(headers, field.name, field.value)
            }
            if !request.body.isEmpty {
                let buffer = evhttp_request_get_output_buffer(raw)
                request.body.withUnsafeBytes { bytes in
                    if let base = bytes.baseAddress { evbuffer_add(buffer, base, bytes.count) }
                }
            }
            let command: evhttp_cmd_type = request.method == .post ? EVHTTP_REQ_POST : EVHTTP_REQ_GET
            if evhttp_make_request(evcon, raw, command, request.target) != 0 {
                self.exchange = nil
                Unmanaged<BackendExchange>.fromOpaque(context).release()
                continuation.resume(throwing: TransportError.connectFailed("evhttp_make_request"))
                return
            }
            exchange.request = raw
        }
    }
}

/// One backend request in flight; resumes its continuation exactly once.
final class BackendExchange: @unchecked Sendable {
    private var continuation: CheckedContinuation<InboundResponse, any Error>?
    /// The last error libevent reported for this request (set before the done callback).
    var error: Int32?
    /// When the whole exchange must be over (monotonic nanos).
    let deadline: UInt64
    /// The evhttp request while it is in flight (evhttp frees it after the done callback).
    var request: OpaquePointer?

    init(continuation: CheckedContinuation<InboundResponse, any Error>, deadline: UInt64) {
        self.continuation = continuation
        self.deadline = deadline
    }

    /// Whether the exchange is still waiting for its answer.
    var isPending: Bool { continuation != nil }

    /// The deadline passed: cancels the request (evhttp resets the connection) and fails with timeout.
    func expire() {
        guard let continuation, let request else { return }
        self.continuation = nil
        self.request = nil
        // Calls the error callback with EVREQ_HTTP_REQUEST_CANCEL, never the done callback, and frees the request.
        evhttp_cancel_request(request)
        // Ownership: the done callback will not run, so this takes back the retain passed by perform().
        Unmanaged.passUnretained(self).release()
        continuation.resume(throwing: TransportError.timeout)
    }

    /// The done callback: a response, or (with a null request) a failure.
    func complete(_ request: OpaquePointer?) {
        self.request = nil
        guard let continuation else { return }
        self.continuation = nil
        guard let request, evhttp_request_get_response_code(request) > 0 else {
            continuation.resume(throwing: transportError())
            return
        }
        let status = Int(evhttp_request_get_response_code(request))
        var headers = Headers()
        if let input = evhttp_request_get_input_headers(request) {
            var field = input.pointee.tqh_first
            while let current = field {
                if let key = current.pointee.key, let value = current.pointee.value {
                    headers.add(String(cString: key), String(cString: value))
                }
                field = current.pointee.next.tqe_next
            }
        }
        var body: [UInt8] = []
        if let buffer = evhttp_request_get_input_buffer(request) {
            let length = evbuffer_get_length(buffer)
            if length > 0 {
                body = [UInt8](unsafeUninitializedCapacity: length) { pointer, count in
                    count = Int(evbuffer_remove(buffer, pointer.baseAddress, length))
                }
            }
        }
        continuation.resume(returning: InboundResponse(status: status, headers: headers, body: body))
    }

    private func transportError() -> TransportError {
        switch error.map({ evhttp_request_error(rawValue: UInt32($0)) }) {
        case EVREQ_HTTP_TIMEOUT?: .timeout
        case EVREQ_HTTP_DATA_TOO_LONG?: .responseTooLarge
        case EVREQ_HTTP_EOF?, EVREQ_HTTP_BUFFER_ERROR?, EVREQ_HTTP_INVALID_HEADER?: .connectionReset
        default: .connectionReset
        }
    }
}

internal import CLibevent
import Pipeline

/// The requests of a loop's front end: each one read, checked against the limits, run through the responder on
/// this loop, and counted until it has replied.
extension LoopFrontEnd {
    /// An inbound request from evhttp (on the loop thread).
    func handle(_ raw: OpaquePointer, tls: Bool) {
        if let fixed = staticReply {
            let exchange = InboundExchange(request: raw, frontEnd: self)
            exchange.connection = register(raw, tls: tls)
            exchange.reply(fixed)
            return
        }
        let state = loop.state
        let connection = register(raw, tls: tls)
        let request = RequestReader.read(raw, tls: tls)
        let exchange = InboundExchange(request: raw, frontEnd: self)
        exchange.connection = connection
        if connection?.shed == true {
            server.observer.shed(request.request)
            refuse(exchange, request.request, 503, close: true)
            return
        }
        if request.headerBytes > limits.maxHeaderBytes {
            refuse(exchange, request.request, 431, close: true)
            return
        }
        if connection?.sawNUL == true || RequestFraming.violation(request.request.headers) != nil {
            // The connection's framing is in doubt: whatever follows on it cannot be trusted either.
            refuse(exchange, request.request, 400, close: true)
            return
        }
        if state.inFlight >= limits.maxInFlightPerLoop {
            server.observer.shed(request.request)
            exchange.reply(server.reject(request.request, 503))
            return
        }
        state.inFlight += 1
        server.inFlightTotal.add(1, ordering: .relaxed)
        connection?.current = exchange
        exchange.pending = request.request
        exchange.counted = true
        // Task.immediate runs the pipeline on this thread right away, up to its first real suspension
        // (usually the CloudStack call), instead of queueing it for the next pass of the loop; every
        // later resumption comes back to this loop through the executor preference.
        let task = Task.immediate(executorPreference: loop) { [exchange] in
            await exchange.run()
        }
        // A request answered without suspending needs neither the task handle nor a disconnect watch.
        if !exchange.replied {
            exchange.task = task
            state.unwatched.append(exchange)
        }
    }

    /// Answers with the front end's refusal in the request's API format.
    private func refuse(_ exchange: InboundExchange, _ request: Request, _ status: Int, close: Bool) {
        var response = server.reject(request, status)
        if close { response.headers.set("Connection", "close") }
        exchange.reply(response)
    }

    /// The bytes that replace an error page evhttp started writing itself (it answers a request it
    /// could not parse, or one over its size limits, in HTML): the same refusal in the API's format.
    func errorPage(replacing evhttpStatus: Int, on connection: ClientConnection) -> [UInt8] {
        var status = evhttpStatus
        // evhttp answers a head over its size limit with 400; to the client it is a 431.
        if status == 400 && connection.receivedSinceRequest > limits.maxHeaderBytes { status = 431 }
        let words = connection.requestLine.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: true)
        let method = words.first.flatMap { HTTPMethod(rawValue: String(decoding: $0, as: UTF8.self)) } ?? .other
        let target = words.count > 1 ? String(decoding: words[1], as: UTF8.self) : "/"
        let request = Request(
            method: method, uri: target.hasPrefix("/") ? target : "/", headers: Headers(), body: [], remoteAddress: "",
            isTLS: connection.tls)
        var response = server.reject(request, status)
        response.headers.set("Connection", "close")
        return HTTPWire.serialize(response)
    }

    /// Bookkeeping when an exchange has replied.
    func finished(_ exchange: InboundExchange) {
        if let connection = exchange.connection {
            if connection.current === exchange { connection.current = nil }
            connection.awaitingSince = clock.monotonicNanos()
        }
        if exchange.counted {
            loop.state.inFlight -= 1
            server.inFlightTotal.subtract(1, ordering: .relaxed)
        }
    }

    /// Finds the request's connection; on its first request, hooks the close callback (so a
    /// disconnect can cancel work) and the per-direction timeouts.
    private func register(_ request: OpaquePointer, tls: Bool) -> ClientConnection? {
        guard let evcon = evhttp_request_get_connection(request), let bev = evhttp_connection_get_bufferevent(evcon),
            let connection = loop.state.connections[bev]
        else { return nil }
        connection.requestArrived(input: bufferevent_get_input(bev))
        if connection.evcon == nil {
            connection.evcon = evcon
            // Ownership: unretained; the connection stays in loop.state.connections until released.
            evhttp_connection_set_closecb(evcon, clientConnectionClosedCallback, Unmanaged.passUnretained(connection).toOpaque())
            var read = timeval(tv_sec: limits.idleTimeoutSeconds, tv_usec: 0)
            var write = timeval(tv_sec: limits.writeTimeoutSeconds, tv_usec: 0)
            bufferevent_set_timeouts(bev, &read, &write)
        }
        return connection
    }
}

internal import CLibevent
import Pipeline

/// Copies an `evhttp_request` into a `Pipeline.Request` value (the only copy of the body we make).
enum RequestReader {
    struct Result {
        var request: Request
        var headerBytes: Int
    }

    static func read(_ raw: OpaquePointer, tls: Bool) -> Result {
        let method: HTTPMethod
        switch evhttp_request_get_command(raw) {
        case EVHTTP_REQ_GET: method = .get
        case EVHTTP_REQ_POST: method = .post
        case EVHTTP_REQ_HEAD: method = .head
        case EVHTTP_REQ_PUT: method = .put
        case EVHTTP_REQ_DELETE: method = .delete
        case EVHTTP_REQ_PATCH: method = .patch
        case EVHTTP_REQ_OPTIONS: method = .options
        default: method = .other
        }
        let uri = evhttp_request_get_uri(raw).map { String(cString: $0) } ?? "/"
        var headers = Headers()
        var headerBytes = uri.utf8.count + 16
        if let input = evhttp_request_get_input_headers(raw) {
            // Sized once: appending one by one to an empty array reallocates at 1, 2, 4 and 8 fields.
            var count = 0
            var next = input.pointee.tqh_first
            while let current = next {
                count += 1
                next = current.pointee.next.tqe_next
            }
            headers.reserveCapacity(count)
            var field = input.pointee.tqh_first
            while let current = field {
                if let key = current.pointee.key, let value = current.pointee.value {
                    let name = String(cString: key)
                    let text = String(cString: value)
                    headerBytes += name.utf8.count + text.utf8.count + 4
                    headers.add(name, text)
                }
                field = current.pointee.next.tqe_next
            }
        }
        var body: [UInt8] = []
        if let buffer = evhttp_request_get_input_buffer(raw) {
            let length = evbuffer_get_length(buffer)
            if length > 0 {
                body = [UInt8](unsafeUninitializedCapacity: length) { pointer, count in
                    count = Int(evbuffer_copyout(buffer, pointer.baseAddress, length))
                }
            }
        }
        var remote = ""
        if let connection = evhttp_request_get_connection(raw) {
            var address: UnsafeMutablePointer<CChar>?
            var port: UInt16 = 0
            evhttp_connection_get_peer(connection, &address, &port)
            if let address { remote = String(cString: address) }
        }
        return Result(
            request: Request(method: method, uri: uri, headers: headers, body: body, remoteAddress: remote, isTLS: tls),
            headerBytes: headerBytes)
    }
}

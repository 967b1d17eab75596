public import Pipeline

/// `POST /batch/compute/v1` (and `/batch` with parts addressed to `/compute/v1/...`): runs each part of a
/// multipart/mixed batch as its own request through `compute` (the same GCE pipeline), one after another on the
/// caller's loop (sequential: no part waits on another's lock and the loop is never blocked, since each part
/// awaits its CloudStack calls), and answers one multipart/mixed response with `Content-ID: response-<id>` parts.
public struct BatchResponder: Responder {
    let compute: any Responder
    let limits: MultipartBatch.Limits

    /// A responder in front of `compute`, with the batch caps (Google's 1000 parts by default).
    public init(compute: any Responder, maxParts: Int = 1000, maxPartBytes: Int = 1 << 20, maxTotalBytes: Int = 16 << 20) {
        self.compute = compute
        self.limits = MultipartBatch.Limits(maxParts: maxParts, maxPartBytes: maxPartBytes, maxTotalBytes: maxTotalBytes)
    }

    public func respond(to request: Request, context: inout RequestContext) async -> Response {
        guard request.method == .post else {
            return Self.error(.init(status: 405, reason: "badRequest", message: "Batch requests are POST"))
        }
        guard let type = request.headers["Content-Type"], let boundary = MultipartBatch.boundary(ofContentType: type) else {
            return Self.error(.invalid("A batch request must be multipart/mixed with a boundary"))
        }
        let batch: MultipartBatch
        do {
            batch = try MultipartBatch(body: request.body, boundary: boundary, limits: limits)
        } catch {
            return Self.error(.invalid(error.message))
        }
        let outerAuthorization = request.headers["Authorization"]
        let answerBoundary = "batch_stackbridge_" + String(context.requestID.filter { $0.isLetter || $0.isNumber }.prefix(40))
        var out: [UInt8] = []
        for part in batch.parts {
            let id = Self.responseID(part.contentID)
            let response: Response
            switch part.request {
            case .failure(let refusal):
                response = Self.error(.invalid(refusal.message))
            case .success(let inner):
                response = await run(inner, authorization: outerAuthorization, context: context)
            }
            Self.append(response, id: id, boundary: answerBoundary, to: &out)
        }
        out.append(contentsOf: Array("--\(answerBoundary)--\r\n".utf8))
        var headers = Headers()
        headers.add("Content-Type", "multipart/mixed; boundary=\(answerBoundary)")
        return Response(status: 200, headers: headers, body: out)
    }

    private func run(_ inner: MultipartBatch.InnerRequest, authorization: String?, context: RequestContext) async -> Response {
        guard let method = HTTPMethod(rawValue: inner.method) else {
            return Self.error(.invalid("Unknown method \(inner.method.prefix(16))"))
        }
        // Parts name absolute URLs or paths; only compute v1 paths run.
        var target = Substring(inner.target)
        for scheme in ["https://", "http://"] where target.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            target = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        guard target.hasPrefix("/compute/v1/") else { return Self.error(.invalid("A batch part must address /compute/v1/...")) }
        var headers = Headers(inner.headers)
        if headers["Authorization"] == nil, let authorization { headers.add("Authorization", authorization) }
        var partContext = RequestContext(requestID: context.requestID, startNanos: context.startNanos)
        return await compute.respond(
            to: Request(method: method, uri: String(target), headers: headers, body: inner.body), context: &partContext)
    }

    static func responseID(_ contentID: String?) -> String? {
        guard let contentID else { return nil }
        var id = Substring(contentID)
        if id.first == "<", id.last == ">" { id = id.dropFirst().dropLast() }
        return "<response-\(id)>"
    }

    static func append(_ response: Response, id: String?, boundary: String, to out: inout [UInt8]) {
        var head = "--\(boundary)\r\nContent-Type: application/http\r\n"
        if let id { head += "Content-ID: \(id)\r\n" }
        head += "\r\nHTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers where name.lowercased() != "content-length" { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\n\r\n"
        out.append(contentsOf: Array(head.utf8))
        out.append(contentsOf: response.body)
        out.append(contentsOf: Array("\r\n".utf8))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 412: "Precondition Failed"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        default: "Service Unavailable"
        }
    }

    static func error(_ error: GCEError) -> Response {
        Response(status: error.status, headers: GCEPipeline.jsonHeaders, body: error.body)
    }
}

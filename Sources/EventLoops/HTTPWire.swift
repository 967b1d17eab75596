import Pipeline

/// Writes a whole HTTP/1.1 response as bytes, for the answers that replace evhttp's own error pages
/// (evhttp has already started its reply there, so ours cannot go through `evhttp_send_reply`).
enum HTTPWire {
    /// Status line, the response's headers, `Content-Length`, a blank line and the body.
    static func serialize(_ response: Response) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + response.body.count)
        bytes.append(contentsOf: "HTTP/1.1 \(response.status) ".utf8)
        let reason = HTTPStatus.reason(response.status)
        bytes.append(contentsOf: UnsafeBufferPointer(start: reason.utf8Start, count: reason.utf8CodeUnitCount))
        bytes.append(contentsOf: "\r\n".utf8)
        for field in response.headers where field.name.lowercased() != "content-length" {
            // Our own values: no CR or LF can be in them, but a header must never be split.
            guard !field.name.utf8.contains(where: { $0 == 13 || $0 == 10 }), !field.value.utf8.contains(where: { $0 == 13 || $0 == 10 })
            else { continue }
            bytes.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        if response.headers["content-type"] == nil { bytes.append(contentsOf: "Content-Type: text/plain\r\n".utf8) }
        bytes.append(contentsOf: "Content-Length: \(response.body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: response.body)
        return bytes
    }
}

/// A `multipart/mixed` batch body as google-api-python-client's `BatchHttpRequest` and gcloud send it: each part
/// an `application/http` request with its own `Content-ID`. A peer-fed parser: bounded by `Limits` (checked before
/// any part is copied), no recursion, index arithmetic only within the body's bounds.
struct MultipartBatch: Sendable, Equatable {
    /// Caps on a batch (Google: at most 1000 parts).
    struct Limits: Sendable, Equatable {
        var maxParts = 1000
        var maxPartBytes = 1 << 20
        var maxTotalBytes = 16 << 20
    }

    /// One part: its `Content-ID` and the inner request, or why the part cannot be read (its own 400).
    struct Part: Sendable, Equatable {
        var contentID: String?
        var request: Result<InnerRequest, Refusal>
    }

    /// The HTTP request inside a part.
    struct InnerRequest: Sendable, Equatable {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        static func == (a: Self, b: Self) -> Bool {
            a.method == b.method && a.target == b.target && a.body == b.body
                && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
        }
    }

    /// Why a batch or a part was refused.
    struct Refusal: Error, Sendable, Equatable {
        var message: String
    }

    var parts: [Part]

    /// The boundary of a `multipart/mixed; boundary=...` content type; nil for any other type.
    static func boundary(ofContentType value: String) -> String? {
        let pieces = value.split(separator: ";").map { $0.trimmingSpaces }
        guard let type = pieces.first, type.lowercased() == "multipart/mixed" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var text = piece.dropFirst("boundary=".count)
            if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(text.utf8.count) else { return nil }
            return String(text)
        }
        return nil
    }

    /// Splits `body` at `--boundary` lines. The whole batch is refused (one 400) when the body or part count is
    /// over its caps or no closing delimiter is found; a part over its size or that cannot be read is refused alone.
    init(body: [UInt8], boundary: String, limits: Limits = Limits()) throws(Refusal) {
        guard body.count <= limits.maxTotalBytes else {
            throw Refusal(message: "The batch request is larger than \(limits.maxTotalBytes) bytes")
        }
        let delimiter = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var closed = false
        var index = 0
        // Each delimiter starts a line: at the body's start or after LF.
        while let found = Self.find(delimiter, in: body, from: index) {
            let lineStart = found == 0 || body[found - 1] == UInt8(ascii: "\n")
            let after = found + delimiter.count
            index = after
            guard lineStart else { continue }
            if after + 1 < body.count, body[after] == UInt8(ascii: "-"), body[after + 1] == UInt8(ascii: "-") {
                closed = true
                starts.append(found)
                break
            }
            starts.append(found)
            guard starts.count <= limits.maxParts else {
                throw Refusal(message: "A batch request may hold at most \(limits.maxParts) parts")
            }
        }
        guard closed, starts.count >= 2 else { throw Refusal(message: "The batch body has no closing boundary") }
        var parts: [Part] = []
        for (open, close) in zip(starts, starts.dropFirst()) {
            // The part runs from after the delimiter line to the CRLF before the next delimiter.
            guard let lineEnd = Self.find([UInt8(ascii: "\n")], in: body, from: open + delimiter.count, before: close) else {
                parts.append(Part(contentID: nil, request: .failure(Refusal(message: "A batch part is empty"))))
                continue
            }
            var end = close
            if end > lineEnd + 1, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if end > lineEnd + 1, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let slice = Array(body[(lineEnd + 1)..<end])
            parts.append(Self.part(slice, limits: limits))
        }
        self.parts = parts
    }

    private static func part(_ bytes: [UInt8], limits: Limits) -> Part {
        guard bytes.count <= limits.maxPartBytes else {
            return Part(contentID: nil, request: .failure(Refusal(message: "A batch part is larger than \(limits.maxPartBytes) bytes")))
        }
        guard let (outer, innerStart) = headers(bytes, from: 0) else {
            return Part(contentID: nil, request: .failure(Refusal(message: "A batch part has no header end")))
        }
        let contentID = outer.first { $0.name.lowercased() == "content-id" }?.value
        guard let type = outer.first(where: { $0.name.lowercased() == "content-type" })?.value,
            type.lowercased().hasPrefix("application/http")
        else {
            return Part(contentID: contentID, request: .failure(Refusal(message: "A batch part must be of type application/http")))
        }
        guard let lineEnd = find([UInt8(ascii: "\n")], in: bytes, from: innerStart, before: bytes.count) else {
            return Part(contentID: contentID, request: .failure(Refusal(message: "A batch part has no request line")))
        }
        let line = String(decoding: bytes[innerStart..<lineEnd], as: UTF8.self).trimmingSpaces
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2 || words.count == 3, words[0].allSatisfy({ $0 >= "A" && $0 <= "Z" }),
            words[1].hasPrefix("/") || words[1].hasPrefix("https://") || words[1].hasPrefix("http://")
        else {
            return Part(contentID: contentID, request: .failure(Refusal(message: "A batch part's request line is malformed")))
        }
        guard let (inner, bodyStart) = headers(bytes, from: lineEnd + 1) else {
            return Part(contentID: contentID, request: .failure(Refusal(message: "A batch part's request has no header end")))
        }
        let request = InnerRequest(
            method: String(words[0]), target: String(words[1]), headers: inner, body: Array(bytes[bodyStart..<bytes.count]))
        return Part(contentID: contentID, request: .success(request))
    }

    /// Header lines from `start` to the first empty line; the index after it. At most 100 headers.
    private static func headers(_ bytes: [UInt8], from start: Int) -> ([(name: String, value: String)], Int)? {
        var out: [(name: String, value: String)] = []
        var index = start
        while index <= bytes.count, out.count <= 100 {
            let lineEnd = find([UInt8(ascii: "\n")], in: bytes, from: index, before: bytes.count) ?? bytes.count
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if contentEnd == index { return (out, min(lineEnd + 1, bytes.count)) }
            guard lineEnd < bytes.count else { return nil }
            let line = bytes[index..<contentEnd]
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: bytes[index..<colon], as: UTF8.self).trimmingSpaces
            let value = String(decoding: bytes[(colon + 1)..<contentEnd], as: UTF8.self).trimmingSpaces
            out.append((name, value))
            index = lineEnd + 1
        }
        return nil
    }

    /// The first index of `needle` in `haystack[from..<before]`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, before: Int? = nil) -> Int? {
        let end = min(before ?? haystack.count, haystack.count)
        guard let first = needle.first, from >= 0, end - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= end {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

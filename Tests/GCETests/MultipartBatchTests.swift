import Testing

@testable import GCE

/// The batch body parser: the shape google-api-python-client's BatchHttpRequest sends, and hostile bodies.
@Suite struct MultipartBatchTests {
    static let boundary = "===============7330845974216740156=="

    static func part(_ id: String, _ request: String) -> String {
        "--\(boundary)\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nMIME-Version: 1.0\r\n"
            + "Content-ID: <\(id)>\r\n\r\n\(request)\r\n"
    }

    static func parse(_ text: String, limits: MultipartBatch.Limits = .init()) throws(MultipartBatch.Refusal) -> MultipartBatch {
        try MultipartBatch(body: Array(text.utf8), boundary: boundary, limits: limits)
    }

    @Test func readsTheBoundaryFromTheContentType() {
        #expect(MultipartBatch.boundary(ofContentType: "multipart/mixed; boundary=\"\(Self.boundary)\"") == Self.boundary)
        #expect(MultipartBatch.boundary(ofContentType: "multipart/mixed;boundary=abc") == "abc")
        #expect(MultipartBatch.boundary(ofContentType: "application/json") == nil)
        #expect(MultipartBatch.boundary(ofContentType: "multipart/mixed") == nil)
        #expect(MultipartBatch.boundary(ofContentType: "multipart/mixed; boundary=" + String(repeating: "a", count: 71)) == nil)
    }

    @Test func splitsPartsWithTheirContentIDsRequestsAndBodies() throws {
        let body =
            Self.part(
                "a+1", "POST /compute/v1/projects/p/zones/z/instances HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\": \"x\"}")
            + Self.part("a+2", "DELETE /compute/v1/projects/p/zones/z/instances/y HTTP/1.1\r\n\r\n") + "--\(Self.boundary)--\r\n"
        let batch = try Self.parse(body)
        #expect(batch.parts.count == 2)
        #expect(batch.parts.map(\.contentID) == ["<a+1>", "<a+2>"])
        let first = try batch.parts[0].request.get()
        #expect(first.method == "POST" && first.target == "/compute/v1/projects/p/zones/z/instances")
        #expect(first.headers.first?.name == "Content-Type" && first.headers.first?.value == "application/json")
        #expect(first.body == Array("{\"name\": \"x\"}".utf8))
        let second = try batch.parts[1].request.get()
        #expect(second.method == "DELETE" && second.body.isEmpty)
    }

    @Test func aMalformedPartIsRefusedAloneAndTheOthersStillParse() throws {
        let body =
            Self.part("1", "GET /compute/v1/projects/p/zones HTTP/1.1\r\n\r\n")
            + "--\(Self.boundary)\r\nContent-Type: text/plain\r\nContent-ID: <2>\r\n\r\nhello\r\n"
            + Self.part("3", "not a request line")
            + "--\(Self.boundary)\r\nno header end" + "\r\n--\(Self.boundary)--"
        let batch = try Self.parse(body)
        #expect(batch.parts.count == 4)
        #expect((try? batch.parts[0].request.get()) != nil)
        for index in 1..<4 {
            if case .success = batch.parts[index].request { Issue.record("part \(index) should be refused") }
        }
        #expect(batch.parts[1].contentID == "<2>")
    }

    @Test func hostileBodiesAreRefusedWithinTheirCaps() {
        // No closing delimiter, no delimiter at all, an empty body.
        #expect(throws: MultipartBatch.Refusal.self) { try Self.parse(Self.part("1", "GET / HTTP/1.1\r\n\r\n")) }
        #expect(throws: MultipartBatch.Refusal.self) { try Self.parse("hello") }
        #expect(throws: MultipartBatch.Refusal.self) { try Self.parse("") }
        // Over the part count, and over the total size, before any part is read.
        let many = String(repeating: Self.part("x", "GET / HTTP/1.1\r\n\r\n"), count: 4) + "--\(Self.boundary)--"
        #expect(throws: MultipartBatch.Refusal.self) { try Self.parse(many, limits: .init(maxParts: 3)) }
        #expect((try? Self.parse(many, limits: .init(maxParts: 4)))?.parts.count == 4)
        #expect(throws: MultipartBatch.Refusal.self) { try Self.parse(many, limits: .init(maxTotalBytes: 100)) }
        // A part over its own cap is refused alone.
        let big = Self.part("1", "POST / HTTP/1.1\r\n\r\n" + String(repeating: "a", count: 500)) + "--\(Self.boundary)--"
        let batch = try? Self.parse(big, limits: .init(maxPartBytes: 200))
        #expect(batch?.parts.count == 1)
        if case .success? = batch?.parts.first?.request { Issue.record("an oversized part was read") }
        // A delimiter not at a line start is part of the content; a lone boundary line and many headers are refused.
        let embedded = Self.part("1", "POST / HTTP/1.1\r\n\r\nx--\(Self.boundary)y") + "--\(Self.boundary)--"
        #expect((try? Self.parse(embedded).parts.first?.request.get().body) == Array("x--\(Self.boundary)y".utf8))
        let headers = String(repeating: "X-A: b\r\n", count: 200)
        let flood = "--\(Self.boundary)\r\n\(headers)\r\nGET / HTTP/1.1\r\n\r\n\r\n--\(Self.boundary)--"
        if case .success? = (try? Self.parse(flood))?.parts.first?.request { Issue.record("a header flood was read") }
    }
}

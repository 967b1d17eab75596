import Foundation
import Pipeline
import Testing

@testable import GCE

/// `POST /batch/compute/v1`: each part runs through the GCE pipeline with its own status, in one answer.
@Suite struct BatchTests {
    static let boundary = "===============1234567890=="

    static func part(_ id: String, _ request: String) -> String {
        "--\(boundary)\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nMIME-Version: 1.0\r\n"
            + "Content-ID: <\(id)>\r\n\r\n\(request)\r\n"
    }

    /// (Content-ID, status, JSON body) of each response part, in order.
    static func answers(_ response: Response) throws -> [(String, Int, [String: Any])] {
        let type = try #require(response.headers["Content-Type"])
        let boundary = try #require(MultipartBatch.boundary(ofContentType: type))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.hasSuffix("--\(boundary)--\r\n"))
        var out: [(String, Int, [String: Any])] = []
        for chunk in text.components(separatedBy: "--\(boundary)").dropFirst() where !chunk.hasPrefix("--") {
            let idLine = try #require(chunk.components(separatedBy: "\r\n").first { $0.hasPrefix("Content-ID: ") })
            let statusLine = try #require(chunk.components(separatedBy: "\r\n").first { $0.hasPrefix("HTTP/1.1 ") })
            let status = try #require(Int(statusLine.split(separator: " ")[1]))
            let body = try #require(chunk.components(separatedBy: "\r\n\r\n").dropFirst(2).first)
            let object =
                body.isEmpty
                ? [:]
                : try JSONSerialization.jsonObject(with: Data(body.trimmingCharacters(in: .whitespacesAndNewlines).utf8)) as? [String: Any]
                    ?? [:]
            out.append((String(idLine.dropFirst("Content-ID: ".count)), status, object))
        }
        return out
    }

    static func send(_ bridge: TestBridge, _ batch: BatchResponder, _ body: String, token: String) async -> Response {
        var headers = Headers()
        headers.add("Authorization", "Bearer " + token)
        headers.add("Content-Type", "multipart/mixed; boundary=\"\(boundary)\"")
        var context = RequestContext(requestID: "batch-test", startNanos: 0)
        return await batch.respond(
            to: Request(method: .post, uri: "/batch/compute/v1", headers: headers, body: Array(body.utf8)), context: &context)
    }

    @Test func insertsAndDeletesInOneBatchWithMixedGoodAndBadParts() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let batch = BatchResponder(compute: PhasedResponder(bridge.pipeline))
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        func insert(_ name: String) -> String {
            let body = """
                {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/\(machineType)", \
                "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}], \
                "networkInterfaces": [{"network": "global/networks/default"}]}
                """
            return "POST /compute/v1/projects/user1/zones/\(zone)/instances HTTP/1.1\r\nContent-Type: application/json\r\n\r\n\(body)"
        }
        let body =
            Self.part("a+1", insert("batch-1")) + Self.part("a+2", insert("batch-2"))
            + Self.part("a+3", "this is not a request line")
            + Self.part("a+4", "GET /compute/v1/projects/user1/zones/\(zone)/instances/nope HTTP/1.1\r\n\r\n")
            + Self.part(
                "a+5",
                "POST /compute/v1/projects/user1/zones/\(zone)/instances HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\": ")
            + "--\(Self.boundary)--\r\n"
        let response = await Self.send(bridge, batch, body, token: token)
        #expect(response.status == 200)
        let answers = try Self.answers(response)
        #expect(answers.map(\.0) == ["<response-a+1>", "<response-a+2>", "<response-a+3>", "<response-a+4>", "<response-a+5>"])
        #expect(answers.map(\.1) == [200, 200, 400, 404, 400])
        for answer in answers.prefix(2) {
            #expect(answer.2["kind"] as? String == "compute#operation")
            validator.add("Operation", Array(try JSONSerialization.data(withJSONObject: answer.2)), label: "batch insert")
            _ = try await bridge.waitDone(answer.2, token: token)
        }
        #expect((answers[3].2["error"] as? [String: Any])?["code"] as? Int == 404)
        for name in ["batch-1", "batch-2"] {
            #expect(try await bridge.compute(.get, "zones/\(zone)/instances/\(name)", token: token).0 == 200)
        }

        let deletes =
            Self.part("d1", "DELETE /compute/v1/projects/user1/zones/\(zone)/instances/batch-1 HTTP/1.1\r\n\r\n")
            + Self.part("d2", "DELETE https://127.0.0.1:8443/compute/v1/projects/user1/zones/\(zone)/instances/batch-2 HTTP/1.1\r\n\r\n")
            + "--\(Self.boundary)--\r\n"
        let deleted = try Self.answers(await Self.send(bridge, batch, deletes, token: token))
        #expect(deleted.map(\.1) == [200, 200])
        for answer in deleted { _ = try await bridge.waitDone(answer.2, token: token) }
        for name in ["batch-1", "batch-2"] {
            #expect(try await bridge.compute(.get, "zones/\(zone)/instances/\(name)", token: token).0 == 404)
        }
        #expect(try validator.problems() == [])
    }

    @Test func anOverLimitOrMalformedBatchIsOneGCEError() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let batch = BatchResponder(compute: PhasedResponder(bridge.pipeline), maxParts: 2)
        let get = "GET /compute/v1/projects/user1/zones HTTP/1.1\r\n\r\n"
        let three = Self.part("1", get) + Self.part("2", get) + Self.part("3", get) + "--\(Self.boundary)--"
        let before = bridge.transport.log.all.count
        let over = await Self.send(bridge, batch, three, token: token)
        #expect(over.status == 400)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(over.body)) as? [String: Any])
        #expect((error["error"] as? [String: Any])?["code"] as? Int == 400)
        #expect(bridge.transport.log.all.count == before)
        let unclosed = await Self.send(bridge, batch, Self.part("1", get), token: token)
        #expect(unclosed.status == 400)
        let two = try Self.answers(
            await Self.send(bridge, batch, Self.part("1", get) + Self.part("2", get) + "--\(Self.boundary)--", token: token))
        #expect(two.map(\.1) == [200, 200])
    }
}

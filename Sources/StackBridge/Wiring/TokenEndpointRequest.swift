import Crypto
import EventLoops
import JSON
import Pipeline

/// Asks a running bridge's OAuth token endpoint for an access token with the `client_credentials` grant, the
/// key pair as client id and secret (`stackbridge token --endpoint`, e.g. against a running demo).
enum TokenEndpointRequest {
    /// Why no token came back.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The largest token answer read (a token is a few hundred bytes).
    static let maxAnswerBytes = 64 * 1024

    /// POSTs the grant to `<endpoint>/token` (TLS checked against `caFile`, else the system store) and returns
    /// `access_token`.
    static func accessToken(endpoint: String, caFile: String?, apiKey: String, secretKey: String) async throws -> String {
        guard let parts = URLParts(endpoint) else { throw Failure(description: "--endpoint: must be an http(s) URL, got \"\(endpoint)\"") }
        let tls = parts.scheme == "https" ? try TLSClientContext(caFile: caFile) : nil
        let group = try LoopGroup(count: 1)
        defer { group.shutdown() }
        let transport = PooledTransport(
            group: group, endpoint: BackendEndpoint(host: parts.host, port: parts.port ?? (tls == nil ? 80 : 443), tls: tls),
            configuration: BackendPoolConfiguration(size: 1, queueLimit: 1, responseTimeoutSeconds: 30))
        var base = BackendWiring.pathComponent(of: endpoint)
        while base.hasSuffix("/") { base.removeLast() }
        let form = [("grant_type", "client_credentials"), ("client_id", apiKey), ("client_secret", secretKey)]
            .map { $0.0 + "=" + formEncode($0.1) }.joined(separator: "&")
        let answer: InboundResponse
        do {
            answer = try await transport.send(
                OutboundRequest(
                    method: .post, target: base + "/token",
                    headers: Headers([("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")]),
                    body: Array(form.utf8), idempotent: false))
        } catch {
            await transport.shutdown()
            throw Failure(description: "\(endpoint)/token: \(error)")
        }
        await transport.shutdown()
        let fields = answer.body.count <= maxAnswerBytes ? stringMembers(answer.body) : [:]
        guard answer.status == 200, let token = fields["access_token"], !token.isEmpty else {
            let reason = [fields["error"], fields["error_description"]].compactMap { $0 }.joined(separator: ": ")
            throw Failure(description: "\(endpoint)/token answered \(answer.status)\(reason.isEmpty ? "" : " (\(reason))")")
        }
        return token
    }

    /// The top-level string members of a JSON object; empty for anything else.
    static func stringMembers(_ body: [UInt8]) -> [String: String] {
        (try? JSONReader.read(body, maxDepth: 8) { (reader: inout JSONReader) throws(JSONError) -> [String: String] in
            var out: [String: String] = [:]
            try reader.beginObject()
            while let key = try reader.nextKey() {
                let name = key.string
                if try reader.peekString() { out[name] = try reader.string() } else { try reader.skip() }
            }
            try reader.finish()
            return out
        }) ?? [:]
    }

    /// application/x-www-form-urlencoded: RFC 3986 unreserved bytes stay, the rest become `%XX`.
    static func formEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

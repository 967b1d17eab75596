import CloudStack
import Dispatch
import EC2
import Pipeline
import Synchronization

/// The whole EC2 request path before CloudStack: `route` (query and form), `authenticate` (SigV4 header,
/// SigV4 presigned query, SigV2) against one known key pair on a fixed clock, `decode` (the action's input)
/// and `translate` (DryRun). Nothing reaches a backend: the pipeline's transport refuses every call.
///
/// The input is a request written as text: `METHOD TARGET` on the first line, `Name: value` header
/// lines, an empty line, then the body. The seed corpus holds requests validly signed with that pair at
/// that time by botocore (`scripts/fuzz-seeds-ec2-request.py`), so mutations start deep in the verifier.
enum EC2RequestTarget {
    static let accessKeyID = "FUZZACCESSKEY"
    static let secretKey = "fuzz-secret-key"
    /// 2026-12-02T12:00:00Z, the time the seeds are signed at.
    static let epochSeconds: Int64 = 1_796_212_800

    struct RefusingTransport: Transport {
        func send(_ request: OutboundRequest) async throws -> InboundResponse { throw TransportError.connectionReset }
    }

    static let pipeline: EC2Pipeline? = {
        let nanos = UInt64(epochSeconds) * 1_000_000_000
        let clock = Clock(wallNanos: { nanos }, monotonicNanos: { 0 }, sleep: { _ in })
        let client = CloudStackClient(transport: RefusingTransport(), environment: ClientEnvironment(clock: clock, random: { 0.5 }))
        return try? EC2Pipeline(
            configuration: EC2Configuration(
                region: "cloudstack-1", endpointURL: "http://127.0.0.1:8787/", instanceTypes: ["t3.micro": "Small Instance"],
                pageTokenSecret: Array(repeating: 3, count: 32)),
            client: client, credentials: StaticCredentialSource([CloudStackCredentials(apiKey: accessKeyID, secretKey: secretKey)]),
            clock: clock)
    }()

    /// Parses the text form; nil when there is no request line.
    static func request(_ bytes: [UInt8]) -> Request? {
        let separator: [UInt8] = Array("\n\n".utf8)
        var headEnd = bytes.endIndex
        var bodyStart = bytes.endIndex
        if bytes.count >= 2 {
            for index in 0..<(bytes.count - 1) where bytes[index] == separator[0] && bytes[index + 1] == separator[1] {
                headEnd = index
                bodyStart = index + 2
                break
            }
        }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return nil }
        let requestLine = first.split(separator: " ", maxSplits: 1)
        guard requestLine.count == 2, let method = HTTPMethod(rawValue: String(requestLine[0])) else { return nil }
        var headers = Headers()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        return Request(method: method, uri: String(requestLine[1]), headers: headers, body: Array(bytes[bodyStart...]))
    }

    static func run(_ bytes: [UInt8]) {
        guard let pipeline, let request = request(bytes) else { return }
        let done = DispatchSemaphore(value: 0)
        Task {
            var context = RequestContext(requestID: "fuzz", startNanos: 0)
            if let routed = try? pipeline.route(request, context: &context),
                let authenticated = try? await pipeline.authenticate(routed, context: &context),
                let decoded = try? pipeline.decode(authenticated, context: &context)
            {
                _ = try? await pipeline.translate(decoded, context: &context)
            }
            done.signal()
        }
        done.wait()
    }
}

import Foundation
import Logging
import Pipeline
import Synchronization
import Testing

@testable import StackBridge

/// Collects the lines a `LineLogHandler` writes.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    var sink: LineLogHandler.Sink {
        { bytes in self.storage.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
    }

    func logger(format: LogSettings.Format = .logfmt, level: Logger.Level = .info) -> Logger {
        let sink = self.sink
        return Logger(label: "access") { label in LineLogHandler(label: label, format: format, level: level, sink: sink) }
    }
}

/// An EC2-looking request whose query, headers and body carry things that must never be logged.
func signedRequest() -> Request {
    Request(
        method: .post, uri: "/services/Cloud?Action=DescribeInstances&Signature=SIGNATURE-IN-QUERY&AWSAccessKeyId=AKIDEXAMPLE",
        headers: Headers([
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, Signature=AUTH-HEADER-SIGNATURE"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ]),
        body: Array("Action=DescribeInstances&SecretAccessKey=BODY-SECRET".utf8), remoteAddress: "192.0.2.7:51000")
}

/// A terminal responder that fills the context like an API pipeline would.
func fakeAPI(status: Int = 200, action: String = "DescribeInstances") -> ClosureResponder {
    ClosureResponder { _, context in
        context.api = .ec2
        context.action = action
        context.principal = "AKIDEXAMPLE"
        context.phaseNanos = [(.route, 1_500), (.authenticate, 20_000), (.call, 2_000_000)]
        return .text(status, "hello")
    }
}

@Suite struct StagesTests {
    @Test func requestIDIsCreatedAndReturned() async {
        let list = StageList([RequestIDStage()], terminal: fakeAPI(status: 500))
        var first = RequestContext(requestID: "", startNanos: Clock.system.monotonicNanos())
        let response = await list.respond(to: signedRequest(), context: &first)
        #expect(first.requestID.count == 32)
        #expect(first.requestID.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(response.headers["X-Request-Id"] == first.requestID)
        #expect(response.status == 500)

        var second = RequestContext(requestID: "", startNanos: Clock.system.monotonicNanos())
        _ = await list.respond(to: signedRequest(), context: &second)
        #expect(second.requestID != first.requestID)
    }

    @Test func requestIDFromTheFrontEndIsKept() async {
        let list = StageList([RequestIDStage()], terminal: fakeAPI())
        var context = RequestContext(requestID: "front-end-id", startNanos: Clock.system.monotonicNanos())
        let response = await list.respond(to: signedRequest(), context: &context)
        #expect(context.requestID == "front-end-id")
        #expect(response.headers.values("x-request-id") == ["front-end-id"])
    }

    @Test func accessLogWritesOneLogfmtLineWithoutSecrets() async throws {
        let collector = LineCollector()
        let list = StageList([RequestIDStage(), AccessLogStage(logger: collector.logger())], terminal: fakeAPI())
        var context = RequestContext(requestID: "", startNanos: Clock.system.monotonicNanos())
        _ = await list.respond(to: signedRequest(), context: &context)

        let lines = collector.lines
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false)
        for field in [
            "request_id=\(context.requestID)", "remote=192.0.2.7:51000", "method=POST", "path=/services/Cloud",
            "api=ec2", "action=DescribeInstances", "principal=AKIDEXAMPLE", "status=200", "bytes=5",
            "route_us=1", "authenticate_us=20", "call_us=2000", "msg=access",
        ] {
            #expect(line.contains(" \(field)"), "missing \(field) in \(line)")
        }
        #expect(line.contains(" duration_us="))
        for forbidden in ["SIGNATURE-IN-QUERY", "AUTH-HEADER-SIGNATURE", "BODY-SECRET", "Authorization", "?", "Action="] {
            #expect(!line.contains(forbidden), "\(forbidden) leaked into \(line)")
        }
        // Fields come in the documented order.
        let keys = line.split(separator: " ").compactMap { $0.split(separator: "=").first.map(String.init) }
        let accessKeys = keys.filter { AccessLogStage.fieldOrder.contains($0) }
        #expect(accessKeys == AccessLogStage.fieldOrder.filter { accessKeys.contains($0) })
    }

    @Test func accessLogJSONHasTypedFields() async throws {
        let collector = LineCollector()
        let list = StageList([AccessLogStage(logger: collector.logger(format: .json))], terminal: fakeAPI(status: 404))
        var context = RequestContext(requestID: "rid-1", startNanos: Clock.system.monotonicNanos())
        _ = await list.respond(to: signedRequest(), context: &context)
        let line = try #require(collector.lines.first)
        #expect(collector.lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "rid-1")
        #expect(object["path"] as? String == "/services/Cloud")
        #expect(object["status"] as? Int == 404)
        #expect(object["bytes"] as? Int == 5)
        #expect(object["call_us"] as? Int == 2000)
        #expect(object["level"] as? String == "info")
        #expect(!line.contains("SIGNATURE-IN-QUERY"))
    }

    @Test func hostilePathCannotForgeFields() async throws {
        let collector = LineCollector()
        let list = StageList([AccessLogStage(logger: collector.logger())], terminal: fakeAPI())
        var context = RequestContext(requestID: "r", startNanos: Clock.system.monotonicNanos())
        let request = Request(method: .get, uri: "/a b\nstatus=999 \"x\"?q=1")
        _ = await list.respond(to: request, context: &context)
        let line = try #require(collector.lines.first)
        #expect(line.contains(#" path="/a b\nstatus=999 \"x\"""#))
        #expect(line.filter { $0 == "\n" }.count == 1)
    }

    @Test func metricsStageCountsByLabelsAndRecordsPhases() async {
        let metrics = MetricsRegistry()
        let ok = StageList([MetricsStage(metrics: metrics)], terminal: fakeAPI())
        let failed = StageList([MetricsStage(metrics: metrics)], terminal: fakeAPI(status: 400, action: "RunInstances"))
        for _ in 0..<3 {
            var context = RequestContext(requestID: "r", startNanos: Clock.system.monotonicNanos())
            _ = await ok.respond(to: signedRequest(), context: &context)
        }
        var context = RequestContext(requestID: "r", startNanos: Clock.system.monotonicNanos())
        _ = await failed.respond(to: signedRequest(), context: &context)

        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"stackbridge_requests_total{api="ec2",action="DescribeInstances",status="200"} 3"#))
        #expect(text.contains(#"stackbridge_requests_total{api="ec2",action="RunInstances",status="400"} 1"#))
        #expect(text.contains(#"stackbridge_request_duration_seconds_count{api="ec2",action="DescribeInstances"} 3"#))
        #expect(text.contains(#"stackbridge_phase_duration_seconds_count{api="ec2",phase="call"} 4"#))
        #expect(text.contains(#"stackbridge_phase_duration_seconds_count{api="ec2",phase="decode"} 0"#))
        // 2 ms of `call` falls in the 5 ms bucket but not the 1 ms one.
        #expect(text.contains(#"stackbridge_phase_duration_seconds_bucket{api="ec2",phase="call",le="0.001"} 0"#))
        #expect(text.contains(#"stackbridge_phase_duration_seconds_bucket{api="ec2",phase="call",le="0.005"} 4"#))
    }
}

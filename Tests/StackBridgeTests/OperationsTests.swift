import Foundation
import Logging
import Pipeline
import Testing

@testable import StackBridge

@Suite struct OperationsTests {
    private func exposition(_ metrics: MetricsRegistry) -> String {
        String(decoding: metrics.exposition(), as: UTF8.self)
    }

    @Test func connectionAndHandshakeMetrics() {
        let metrics = MetricsRegistry()
        metrics.connectionOpened(tls: false)
        metrics.connectionOpened(tls: false)
        metrics.connectionOpened(tls: true)
        metrics.connectionClosed(tls: false)
        metrics.tlsHandshake(success: true)
        metrics.tlsHandshake(success: false)
        metrics.tlsHandshake(success: false)
        metrics.shed(api: .ec2)
        let text = exposition(metrics)
        #expect(text.contains(#"stackbridge_client_connections{transport="http"} 1"#))
        #expect(text.contains(#"stackbridge_client_connections{transport="https"} 1"#))
        #expect(text.contains(#"stackbridge_tls_handshakes_total{result="success"} 1"#))
        #expect(text.contains(#"stackbridge_tls_handshakes_total{result="failure"} 2"#))
        #expect(text.contains(#"stackbridge_shed_requests_total{api="ec2"} 1"#))
        #expect(text.contains(#"stackbridge_shed_requests_total{api="gce"} 0"#))
    }

    @Test func backendMetrics() {
        let metrics = MetricsRegistry()
        metrics.backendPool(loop: 1, inUse: 3, idle: 5, waiting: 2)
        metrics.backendPool(loop: 1, inUse: 4, idle: 4, waiting: 0)
        metrics.backendRequest(command: "listVirtualMachines", outcome: "ok", nanos: 1_000_000)
        metrics.backendRequest(command: "listVirtualMachines", outcome: "ok", nanos: 2_000_000)
        metrics.backendRequest(command: "deployVirtualMachine", outcome: "timeout", nanos: 30_000_000_000)
        metrics.backendRetry(command: "listVirtualMachines")
        let text = exposition(metrics)
        #expect(text.contains(#"stackbridge_backend_pool_connections{loop="1",state="in_use"} 4"#))
        #expect(text.contains(#"stackbridge_backend_pool_connections{loop="1",state="idle"} 4"#))
        #expect(text.contains(#"stackbridge_backend_pool_waiting{loop="1"} 0"#))
        #expect(text.contains(#"stackbridge_backend_requests_total{command="listVirtualMachines",outcome="ok"} 2"#))
        #expect(text.contains(#"stackbridge_backend_requests_total{command="deployVirtualMachine",outcome="timeout"} 1"#))
        #expect(text.contains(#"stackbridge_backend_request_duration_seconds_count{command="listVirtualMachines"} 2"#))
        #expect(text.contains(#"stackbridge_backend_retries_total{command="listVirtualMachines"} 1"#))
    }

    @Test func inventedActionsFoldIntoOther() {
        let metrics = MetricsRegistry()
        for index in 0..<(MetricsRegistry.maxRequestSeries + 10) {
            metrics.request(api: .ec2, action: "Invented\(index)", status: 400, nanos: 1000, phases: [])
        }
        let text = exposition(metrics)
        #expect(text.contains(#"stackbridge_requests_total{api="ec2",action="other",status="400"} 10"#))
        #expect(!text.contains("Invented\(MetricsRegistry.maxRequestSeries)\""))
        #expect(text.contains("Invented\(MetricsRegistry.maxRequestSeries - 1)\""))
    }

    @Test func logHandlerHonoursLevelAndRendersMetadata() throws {
        let collector = LineCollector()
        var logger = collector.logger(level: .notice)
        logger[metadataKey: "loop"] = "2"
        logger.info("dropped")
        logger.warning("listener failed", metadata: ["port": "8443", "reason": "address in use"])
        #expect(collector.lines.count == 1)
        let line = try #require(collector.lines.first)
        #expect(line.hasPrefix("ts="))
        #expect(line.contains(" level=warning logger=access msg=\"listener failed\""))
        #expect(line.contains(" loop=2 port=8443 reason=\"address in use\"\n"))
    }

    @Test func logHandlerTimestampIsRFC3339UTC() {
        #expect(LogLine.timestamp(0) == "1970-01-01T00:00:00.000Z")
        #expect(LogLine.timestamp(1_796_000_000_123_456_789) == "2026-11-30T00:53:20.123Z")  // `date -u -d @1796000000`
    }

    @Test func logHandlerJSONEscapesAndNests() throws {
        let collector = LineCollector()
        let logger = collector.logger(format: .json)
        logger.error("bad \"input\"\n", metadata: ["detail": ["code": "E1", "list": ["a", "b"]]])
        let line = try #require(collector.lines.first)
        #expect(line.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["msg"] as? String == "bad \"input\"\n")
        #expect(object["level"] as? String == "error")
        let detail = try #require(object["detail"] as? [String: Any])
        #expect(detail["code"] as? String == "E1")
        #expect(detail["list"] as? [String] == ["a", "b"])
    }

    @Test func concurrentRequestsAreAllCounted() async {
        let metrics = MetricsRegistry()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<500 {
                        metrics.request(
                            api: .gce, action: "compute.zones.list", status: index % 2 == 0 ? 200 : 404,
                            nanos: UInt64(task * 1000), phases: [(.route, 10)])
                    }
                }
            }
        }
        let text = exposition(metrics)
        #expect(text.contains(#"stackbridge_requests_total{api="gce",action="compute.zones.list",status="200"} 2000"#))
        #expect(text.contains(#"stackbridge_requests_total{api="gce",action="compute.zones.list",status="404"} 2000"#))
        #expect(text.contains(#"stackbridge_phase_duration_seconds_count{api="gce",phase="route"} 4000"#))
    }

    @Test func hostileActionLabelIsEscaped() {
        let metrics = MetricsRegistry()
        metrics.request(api: .ec2, action: "A\"}\nfake_metric 1", status: 400, nanos: 1, phases: [])
        let text = exposition(metrics)
        #expect(!text.contains("\nfake_metric 1\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("fake_metric") })
    }

    @Test func factoryMakesLineHandlersForBootstrap() throws {
        let collector = LineCollector()
        let factory = LineLogHandler.factory(format: .json, level: .warning, sink: collector.sink)
        let logger = Logger(label: "stackbridge.loop", factory: factory)
        logger.info("not written")
        logger.error("written", metadata: ["port": .stringConvertible(8443)])
        #expect(collector.lines.count == 1)
        let line = try #require(collector.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["logger"] as? String == "stackbridge.loop")
        #expect(object["port"] as? Int == 8443)
    }
}

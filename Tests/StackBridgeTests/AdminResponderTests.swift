import Pipeline
import Synchronization
import Testing

@testable import StackBridge

@Suite struct AdminResponderTests {
    private func respond(
        _ method: HTTPMethod, _ uri: String, metrics: MetricsRegistry = MetricsRegistry(),
        readiness: AdminResponder.Readiness = .ready
    ) async -> Response {
        let responder = AdminResponder(metrics: metrics) { readiness }
        var context = RequestContext(requestID: "r", startNanos: Clock.system.monotonicNanos())
        return await responder.respond(to: Request(method: method, uri: uri), context: &context)
    }

    @Test func healthzIsAlwaysOK() async {
        let response = await respond(.get, "/healthz", readiness: .notReady(reason: "down"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok\n")
    }

    @Test func readyzFollowsTheProbe() async {
        let ready = await respond(.get, "/readyz")
        #expect(ready.status == 200)
        let notReady = await respond(.get, "/readyz?verbose=1", readiness: .notReady(reason: "CloudStack unreachable: connection refused"))
        #expect(notReady.status == 503)
        #expect(String(decoding: notReady.body, as: UTF8.self) == "not ready: CloudStack unreachable: connection refused\n")
    }

    @Test func readyzAsksTheProbeEachTime() async {
        let calls = Mutex(0)
        let responder = AdminResponder(metrics: MetricsRegistry()) {
            calls.withLock { $0 += 1 }
            return calls.withLock { $0 } == 1 ? .notReady(reason: "starting") : .ready
        }
        var context = RequestContext(requestID: "r", startNanos: Clock.system.monotonicNanos())
        let first = await responder.respond(to: Request(method: .get, uri: "/readyz"), context: &context)
        let second = await responder.respond(to: Request(method: .get, uri: "/readyz"), context: &context)
        #expect(first.status == 503)
        #expect(second.status == 200)
    }

    @Test func metricsServesPrometheusText() async {
        let metrics = MetricsRegistry()
        metrics.request(api: .gce, action: "compute.instances.list", status: 200, nanos: 3_000_000, phases: [(.render, 40_000)])
        metrics.connectionOpened(tls: true)
        let response = await respond(.get, "/metrics", metrics: metrics)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4")
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains(#"stackbridge_requests_total{api="gce",action="compute.instances.list",status="200"} 1"#))
        #expect(text.contains(#"stackbridge_phase_duration_seconds_count{api="gce",phase="render"} 1"#))
        #expect(text.contains(#"stackbridge_client_connections{transport="https"} 1"#))
        #expect(text.contains("# TYPE stackbridge_requests_total counter"))
    }

    @Test(arguments: ["/", "/metrics/", "/health", "/readyz/extra", "/compute/v1/projects"])
    func unknownPathsAre404(_ path: String) async {
        #expect(await respond(.get, path).status == 404)
    }

    @Test func onlyGetAndHeadAreAllowed() async {
        #expect(await respond(.head, "/healthz").status == 200)
        let post = await respond(.post, "/metrics")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }
}

import CoreMetrics
public import Pipeline
public import Prometheus
import Synchronization

// Prometheus.Counter/Gauge are spelled out below: CoreMetrics (for the bootstrap) declares the same names.

/// Owns the process's Prometheus registry and the gateway's own metric handles.
///
/// Handles are created once per label set and cached (behind a `Mutex` keyed by a small struct),
/// so recording a request costs one lock, one dictionary lookup and the atomic updates.
public final class MetricsRegistry: Sendable {
    /// The registry `/metrics` renders; swift-metrics users write into it too after `bootstrapSwiftMetrics()`.
    public let prometheus: PrometheusCollectorRegistry

    /// Distinct (api, action, status) series kept before further actions are counted as `other`,
    /// so a client inventing action names cannot grow memory or the scrape without bound.
    static let maxRequestSeries = 4096

    private let requestHandles = Mutex<[RequestSeries: RequestHandles]>([:])
    private let phaseHistograms: [API: [Phase: DurationHistogram]]
    private let openConnections: (plain: Prometheus.Gauge, tls: Prometheus.Gauge)
    private let handshakes: (success: Prometheus.Counter, failure: Prometheus.Counter)
    private let shedCounters: [API: Prometheus.Counter]
    private let poolGauges = Mutex<[Int: PoolGauges]>([:])
    private let backendHandles = Mutex<[BackendSeries: BackendHandles]>([:])
    private let retryCounters = Mutex<[String: Prometheus.Counter]>([:])

    /// Creates the gateway's metrics in `prometheus` (a fresh registry by default).
    public init(prometheus: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.prometheus = prometheus
        var phases: [API: [Phase: DurationHistogram]] = [:]
        for api in API.allCases {
            for phase in Phase.allCases {
                phases[api, default: [:]][phase] = prometheus.makeDurationHistogram(
                    descriptor: MetricNames.phaseDuration,
                    labels: [("api", api.rawValue), ("phase", phase.rawValue)],
                    buckets: MetricNames.phaseBuckets)
            }
        }
        phaseHistograms = phases
        openConnections = (
            prometheus.makeGauge(descriptor: MetricNames.clientConnections, labels: [("transport", "http")]),
            prometheus.makeGauge(descriptor: MetricNames.clientConnections, labels: [("transport", "https")])
        )
        handshakes = (
            prometheus.makeCounter(descriptor: MetricNames.tlsHandshakes, labels: [("result", "success")]),
            prometheus.makeCounter(descriptor: MetricNames.tlsHandshakes, labels: [("result", "failure")])
        )
        var shed: [API: Prometheus.Counter] = [:]
        for api in API.allCases {
            shed[api] = prometheus.makeCounter(descriptor: MetricNames.shed, labels: [("api", api.rawValue)])
        }
        shedCounters = shed
    }

    /// Routes swift-metrics (used by libraries) into this registry; call once per process.
    public func bootstrapSwiftMetrics() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: prometheus))
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        prometheus.emitToBuffer()
    }

    /// Records one finished request: its count by api/action/status, its latency and its phases.
    public func request(
        api: API, action: String, status: Int, nanos: UInt64, phases: PhaseTimings
    ) {
        let handles = requestHandles.withLock { cache -> RequestHandles in
            var series = RequestSeries(api: api, action: action, status: status)
            if let found = cache[series] { return found }
            if cache.count >= MetricsRegistry.maxRequestSeries {
                series.action = "other"
                if let found = cache[series] { return found }
            }
            let made = RequestHandles(series: series, in: prometheus)
            cache[series] = made
            return made
        }
        handles.count.increment()
        handles.latency.recordNanoseconds(Int64(clamping: nanos))
        if let byPhase = phaseHistograms[api] {
            for (phase, phaseNanos) in phases {
                byPhase[phase]?.recordNanoseconds(Int64(clamping: phaseNanos))
            }
        }
    }

    /// A client connection was accepted.
    public func connectionOpened(tls: Bool) {
        (tls ? openConnections.tls : openConnections.plain).increment()
    }

    /// A client connection was closed.
    public func connectionClosed(tls: Bool) {
        (tls ? openConnections.tls : openConnections.plain).decrement()
    }

    /// A TLS handshake finished.
    public func tlsHandshake(success: Bool) {
        (success ? handshakes.success : handshakes.failure).increment()
    }

    /// A request was refused with 503 because its loop was at `maxInFlightPerLoop`.
    public func shed(api: API) {
        shedCounters[api]?.increment()
    }

    /// The state of one loop's backend connection pool.
    public func backendPool(loop: Int = 0, inUse: Int, idle: Int, waiting: Int) {
        let gauges = poolGauges.withLock { cache -> PoolGauges in
            if let found = cache[loop] { return found }
            let made = PoolGauges(loop: loop, in: prometheus)
            cache[loop] = made
            return made
        }
        gauges.inUse.set(Int64(inUse))
        gauges.idle.set(Int64(idle))
        gauges.waiting.set(Int64(waiting))
    }

    /// One CloudStack exchange: `command` verbatim (`listVirtualMachines`), `outcome` a short word
    /// (`ok`, `error`, `timeout`, `reset`, `exhausted`).
    public func backendRequest(command: String, outcome: String, nanos: UInt64) {
        let handles = backendHandles.withLock { cache -> BackendHandles in
            let series = BackendSeries(command: command, outcome: outcome)
            if let found = cache[series] { return found }
            let made = BackendHandles(series: series, in: prometheus)
            cache[series] = made
            return made
        }
        handles.count.increment()
        handles.latency.recordNanoseconds(Int64(clamping: nanos))
    }

    /// An idempotent CloudStack command is being sent again.
    public func backendRetry(command: String) {
        let counter = retryCounters.withLock { cache -> Prometheus.Counter in
            if let found = cache[command] { return found }
            let made = prometheus.makeCounter(descriptor: MetricNames.backendRetries, labels: [("command", command)])
            cache[command] = made
            return made
        }
        counter.increment()
    }
}

private struct RequestSeries: Hashable {
    var api: API
    var action: String
    var status: Int
}

private struct RequestHandles {
    let count: Prometheus.Counter
    let latency: DurationHistogram

    init(series: RequestSeries, in registry: PrometheusCollectorRegistry) {
        let api = ("api", series.api.rawValue)
        let action = ("action", series.action)
        count = registry.makeCounter(descriptor: MetricNames.requests, labels: [api, action, ("status", String(series.status))])
        latency = registry.makeDurationHistogram(
            descriptor: MetricNames.requestDuration, labels: [api, action], buckets: MetricNames.requestBuckets)
    }
}

private struct BackendSeries: Hashable {
    var command: String
    var outcome: String
}

private struct BackendHandles {
    let count: Prometheus.Counter
    let latency: DurationHistogram

    init(series: BackendSeries, in registry: PrometheusCollectorRegistry) {
        count = registry.makeCounter(
            descriptor: MetricNames.backendRequests, labels: [("command", series.command), ("outcome", series.outcome)])
        latency = registry.makeDurationHistogram(
            descriptor: MetricNames.backendDuration, labels: [("command", series.command)], buckets: MetricNames.requestBuckets)
    }
}

private struct PoolGauges {
    let inUse: Prometheus.Gauge
    let idle: Prometheus.Gauge
    let waiting: Prometheus.Gauge

    init(loop: Int, in registry: PrometheusCollectorRegistry) {
        let loopLabel = ("loop", String(loop))
        inUse = registry.makeGauge(descriptor: MetricNames.poolConnections, labels: [loopLabel, ("state", "in_use")])
        idle = registry.makeGauge(descriptor: MetricNames.poolConnections, labels: [loopLabel, ("state", "idle")])
        waiting = registry.makeGauge(descriptor: MetricNames.poolWaiting, labels: [loopLabel])
    }
}

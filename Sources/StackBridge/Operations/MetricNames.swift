import Prometheus

/// The gateway's metric names, help texts and histogram buckets, in one place for `docs/configuration.md`.
// Computed: swift-prometheus's MetricNameDescriptor is not Sendable, so it cannot be a static let.
enum MetricNames {
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "stackbridge", metricName: metric, unitName: unit, helpText: help)
    }

    static var requests: MetricNameDescriptor { name("requests", "total", "Requests answered, by API, action and HTTP status.") }
    static var requestDuration: MetricNameDescriptor {
        name("request_duration", "seconds", "Time from request start to response, by API and action.")
    }
    static var phaseDuration: MetricNameDescriptor { name("phase_duration", "seconds", "Time spent in each request phase, by API.") }
    static var clientConnections: MetricNameDescriptor { name("client_connections", "", "Open client connections, by transport.") }
    static var tlsHandshakes: MetricNameDescriptor { name("tls_handshakes", "total", "Client TLS handshakes, by result.") }
    static var shed: MetricNameDescriptor {
        name("shed_requests", "total", "Requests refused with 503 because a loop was at its in-flight limit.")
    }
    static var poolConnections: MetricNameDescriptor { name("backend_pool_connections", "", "CloudStack connections per loop, by state.") }
    static var poolWaiting: MetricNameDescriptor {
        name("backend_pool_waiting", "", "Requests waiting for a CloudStack connection, per loop.")
    }
    static var backendRequests: MetricNameDescriptor { name("backend_requests", "total", "CloudStack exchanges, by command and outcome.") }
    static var backendDuration: MetricNameDescriptor {
        name("backend_request_duration", "seconds", "CloudStack exchange latency, by command.")
    }
    static var backendRetries: MetricNameDescriptor { name("backend_retries", "total", "CloudStack commands sent again, by command.") }

    /// 100 µs to 30 s: a cached describe is sub-millisecond, a slow backend tens of seconds.
    static let requestBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    /// 5 µs to 10 s: local phases take microseconds, `call` as long as CloudStack.
    static let phaseBuckets: [Duration] = [
        .microseconds(5), .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100),
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(25),
        .milliseconds(100), .milliseconds(500), .seconds(2), .seconds(10),
    ]
}

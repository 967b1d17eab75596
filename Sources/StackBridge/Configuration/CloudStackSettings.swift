/// The CloudStack management server behind the gateway (`cloudstack`) and how it is called.
public struct CloudStackSettings: Sendable, Equatable {
    /// The `endpoint` value that selects the in-process simulator.
    public static let simulatorEndpoint = "simulator"

    /// The per-loop keep-alive connection pool (`cloudstack.pool`).
    public struct Pool: Sendable, Equatable {
        /// Connections per loop.
        public var size = 16
        /// Seconds an idle pooled connection is kept; below CloudStack's 30 s Jetty idle timeout so
        /// the gateway, not the server, closes it and never writes into a half-closed socket.
        public var idleTimeoutSeconds = 20
        /// Requests that may wait for a connection per loop before new ones fail at once.
        public var queueLimit = 256
        /// Milliseconds a request may wait for a connection.
        public var queueDeadlineMilliseconds = 2000

        /// The defaults.
        public init() {}
    }

    /// Backend timeouts (`cloudstack.timeouts`).
    public struct Timeouts: Sendable, Equatable {
        /// Milliseconds to establish TCP (and TLS).
        public var connectMilliseconds = 2000
        /// Milliseconds from sending a request to its complete response.
        public var responseMilliseconds = 30000

        /// The defaults.
        public init() {}
    }

    /// Retries of idempotent commands (`cloudstack.retries`).
    public struct Retries: Sendable, Equatable {
        /// Attempts per command, the first included.
        public var maxAttempts = 3
        /// First backoff in milliseconds; doubled per attempt, with jitter.
        public var baseBackoffMilliseconds = 50
        /// Retries allowed as a percentage of recent requests, so retries cannot amplify an outage.
        public var budgetPercent = 20

        /// The defaults.
        public init() {}
    }

    /// Polling of asynchronous jobs (`cloudstack.jobs`).
    public struct Jobs: Sendable, Equatable {
        /// First `queryAsyncJobResult` delay in milliseconds.
        public var pollInitialMilliseconds = 100
        /// Longest delay between polls in milliseconds.
        public var pollMaxMilliseconds = 2000
        /// Seconds after which a job is reported as timed out.
        public var timeoutSeconds = 600

        /// The defaults.
        public init() {}
    }

    /// `simulator`, or the API URL such as `http://127.0.0.1:8080/client/api`.
    public var endpoint = CloudStackSettings.simulatorEndpoint
    /// PEM file of extra CAs trusted for an https endpoint; empty means the system store.
    public var caFile = ""
    /// Whether the endpoint's certificate is verified.
    public var verifyCertificate = true
    /// PEM client certificate for mutual TLS; empty means none.
    public var clientCertificate = ""
    /// PEM private key of `clientCertificate`.
    public var clientKey = ""
    /// Connection pool.
    public var pool = Pool()
    /// Timeouts.
    public var timeouts = Timeouts()
    /// Largest answer body read from CloudStack; a larger one fails the call unread.
    public var maxResponseBytes = 67_108_864
    /// Rows per page of every CloudStack list call (`pagesize`): at most the management server's
    /// `default.page.size` (500 unless its admin changed it; CloudStack refuses a larger `pagesize` with 431).
    public var pageSize = 500
    /// Retries.
    public var retries = Retries()
    /// Whether requests are signed with `signatureVersion=3` and an `expires` parameter.
    public var signatureVersion3 = true
    /// Seconds until a signed request expires (signature version 3).
    public var expiresSeconds = 600
    /// Asynchronous job polling.
    public var jobs = Jobs()
    /// Seconds each caller's zones and disk offerings are answered from the shared catalog (both APIs).
    public var catalogTTLSeconds = 30
    /// API key of the admin account used to look up users and their keys.
    public var adminApiKey = ""
    /// Secret key of the admin account.
    public var adminSecretKey = Secret("")

    /// The defaults.
    public init() {}

    /// Whether the in-process simulator stands in for CloudStack.
    public var isSimulator: Bool { endpoint == CloudStackSettings.simulatorEndpoint }

    init(reading reader: inout SettingsReader) {
        endpoint = reader.string("cloudstack.endpoint", default: endpoint)
        if !isSimulator && URLParts(endpoint) == nil {
            reader.problem("cloudstack.endpoint", "must be an http(s) URL or \"simulator\", got \"\(endpoint)\"")
        }
        caFile = reader.string("cloudstack.caFile", default: caFile)
        verifyCertificate = reader.bool("cloudstack.verifyCertificate", default: verifyCertificate)
        clientCertificate = reader.string("cloudstack.clientCertificate", default: clientCertificate)
        clientKey = reader.string("cloudstack.clientKey", default: clientKey)
        pool.size = reader.int("cloudstack.pool.size", default: pool.size, in: 1...1024)
        pool.idleTimeoutSeconds = reader.int("cloudstack.pool.idleTimeoutSeconds", default: pool.idleTimeoutSeconds, in: 1...29)
        pool.queueLimit = reader.int("cloudstack.pool.queueLimit", default: pool.queueLimit, in: 0...1_000_000)
        pool.queueDeadlineMilliseconds = reader.int(
            "cloudstack.pool.queueDeadlineMilliseconds", default: pool.queueDeadlineMilliseconds, in: 1...600_000)
        timeouts.connectMilliseconds = reader.int(
            "cloudstack.timeouts.connectMilliseconds", default: timeouts.connectMilliseconds, in: 1...600_000)
        timeouts.responseMilliseconds = reader.int(
            "cloudstack.timeouts.responseMilliseconds", default: timeouts.responseMilliseconds, in: 1...3_600_000)
        maxResponseBytes = reader.int("cloudstack.maxResponseBytes", default: maxResponseBytes, in: 65_536...1_073_741_824)
        pageSize = reader.int("cloudstack.pageSize", default: pageSize, in: 1...10_000)
        retries.maxAttempts = reader.int("cloudstack.retries.maxAttempts", default: retries.maxAttempts, in: 1...10)
        retries.baseBackoffMilliseconds = reader.int(
            "cloudstack.retries.baseBackoffMilliseconds", default: retries.baseBackoffMilliseconds, in: 0...60_000)
        retries.budgetPercent = reader.int("cloudstack.retries.budgetPercent", default: retries.budgetPercent, in: 0...100)
        signatureVersion3 = reader.bool("cloudstack.signatureVersion3", default: signatureVersion3)
        expiresSeconds = reader.int("cloudstack.expiresSeconds", default: expiresSeconds, in: 1...86_400)
        jobs.pollInitialMilliseconds = reader.int(
            "cloudstack.jobs.pollInitialMilliseconds", default: jobs.pollInitialMilliseconds, in: 1...600_000)
        jobs.pollMaxMilliseconds = reader.int(
            "cloudstack.jobs.pollMaxMilliseconds", default: jobs.pollMaxMilliseconds, in: 1...600_000)
        if jobs.pollMaxMilliseconds < jobs.pollInitialMilliseconds {
            reader.problem(
                "cloudstack.jobs.pollMaxMilliseconds",
                "must be at least cloudstack.jobs.pollInitialMilliseconds (\(jobs.pollInitialMilliseconds)), got \(jobs.pollMaxMilliseconds)"
            )
        }
        jobs.timeoutSeconds = reader.int("cloudstack.jobs.timeoutSeconds", default: jobs.timeoutSeconds, in: 1...86_400)
        catalogTTLSeconds = reader.int("cloudstack.catalog.ttlSeconds", default: catalogTTLSeconds, in: 0...3600)
        adminApiKey = reader.string("cloudstack.adminApiKey", default: adminApiKey)
        adminSecretKey = reader.secret("cloudstack.adminSecretKey")
    }
}

import CloudStack
import Crypto
import EventLoops

/// Turns `cloudstack.*` settings into the pooled transport's endpoint and the client's tunables.
enum BackendWiring {
    /// The management server's endpoint and API path from `cloudstack.endpoint` (a URL).
    static func endpoint(_ settings: CloudStackSettings) throws -> (BackendEndpoint, path: String) {
        guard let parts = URLParts(settings.endpoint) else {
            throw StartupError("cloudstack.endpoint: must be an http(s) URL or \"simulator\", got \"\(settings.endpoint)\"")
        }
        var tls: TLSClientContext?
        if parts.scheme == "https" {
            tls = try TLSClientContext(
                caFile: settings.caFile.isEmpty ? nil : settings.caFile, verify: settings.verifyCertificate,
                clientCertificateFile: settings.clientCertificate.isEmpty ? nil : settings.clientCertificate,
                clientKeyFile: settings.clientKey.isEmpty ? nil : settings.clientKey)
        }
        let port = parts.port ?? (parts.scheme == "https" ? 443 : 80)
        let path = pathComponent(of: settings.endpoint)
        return (BackendEndpoint(host: parts.host, port: port, tls: tls), path.isEmpty ? "/client/api" : path)
    }

    /// Pool settings.
    static func pool(_ settings: CloudStackSettings) -> BackendPoolConfiguration {
        BackendPoolConfiguration(
            size: settings.pool.size, idleTimeoutSeconds: Double(settings.pool.idleTimeoutSeconds),
            queueLimit: settings.pool.queueLimit, queueDeadlineSeconds: Double(settings.pool.queueDeadlineMilliseconds) / 1000,
            responseTimeoutSeconds: Double(settings.timeouts.responseMilliseconds) / 1000,
            maxResponseBytes: settings.maxResponseBytes)
    }

    /// Client tunables.
    static func client(_ settings: CloudStackSettings, path: String) -> ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.path = path
        configuration.pageSize = settings.pageSize
        configuration.signatureExpirySeconds = settings.signatureVersion3 ? Int64(settings.expiresSeconds) : nil
        configuration.retry.maxRetries = max(0, settings.retries.maxAttempts - 1)
        configuration.retry.baseDelayNanos = UInt64(settings.retries.baseBackoffMilliseconds) * 1_000_000
        configuration.retry.budgetRatio = Double(settings.retries.budgetPercent) / 100
        configuration.jobPolling.initialIntervalNanos = UInt64(settings.jobs.pollInitialMilliseconds) * 1_000_000
        configuration.jobPolling.maxIntervalNanos = UInt64(settings.jobs.pollMaxMilliseconds) * 1_000_000
        configuration.jobPolling.timeoutNanos = UInt64(settings.jobs.timeoutSeconds) * 1_000_000_000
        return configuration
    }

    /// The path part of a URL (after the authority, before any query).
    static func pathComponent(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
    }
}

/// A start-up failure with a message for the operator.
struct StartupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

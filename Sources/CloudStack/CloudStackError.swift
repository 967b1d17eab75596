/// Everything a CloudStack call can fail with; the EC2 and GCE front ends map each case to one error.
public enum CloudStackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// CloudStack answered with an error body (HTTP status = `errorcode`, e.g. 431, 530).
    case api(APIFailure)
    /// HTTP 429 / errorcode 429: the account's API rate limit (`api.throttling`); render as throttling.
    case throttled(APIFailure)
    /// CloudStack could not be reached (connect failure, pool exhausted, reset or timeout after retries,
    /// shutdown, or a 502/503/504 from a proxy); render as EC2 `Unavailable` / GCE 503.
    case unavailable(UnavailableReason)
    /// An answer that is not CloudStack JSON (HTML, garbage, truncated) or lacks the expected result.
    case upstream(status: Int, reason: String)
    /// The async job ended with jobstatus 2 (failed) or 3 (cancelled).
    case jobFailed(JobFailure)
    /// The async job was still running when the configured wait ran out.
    case jobTimeout(jobID: String, waitedNanos: UInt64)
    /// The calling task was cancelled.
    case cancelled

    /// A short English description (never contains credentials).
    public var description: String {
        switch self {
        case .api(let f): "CloudStack error \(f.errorcode) (HTTP \(f.status)): \(f.errortext)"
        case .throttled(let f): "CloudStack throttled the request: \(f.errortext)"
        case .unavailable(let reason): "CloudStack unavailable: \(reason)"
        case .upstream(let status, let reason): "unexpected CloudStack answer (HTTP \(status)): \(reason)"
        case .jobFailed(let f): "CloudStack job \(f.jobid) failed (\(f.jobresultcode)): \(f.errortext)"
        case .jobTimeout(let id, let nanos): "CloudStack job \(id) still running after \(nanos / 1_000_000) ms"
        case .cancelled: "CloudStack call cancelled"
        }
    }
}

/// A CloudStack `ExceptionResponse`: `{"<r>":{"uuidList":[],"errorcode":431,"cserrorcode":9999,"errortext":"…"}}`.
public struct APIFailure: Sendable, Equatable {
    /// The HTTP status of the answer.
    public var status: Int
    /// `errorcode` (`ApiErrorCode`), e.g. 401, 431, 432, 530.
    public var errorcode: Int
    /// `cserrorcode` (`CSExceptionErrorCode`), e.g. 4350; absent on credential failures.
    public var cserrorcode: Int?
    /// `errortext`.
    public var errortext: String

    /// Creates a failure value.
    public init(status: Int, errorcode: Int, cserrorcode: Int? = nil, errortext: String) {
        self.status = status
        self.errorcode = errorcode
        self.cserrorcode = cserrorcode
        self.errortext = errortext
    }
}

/// Why CloudStack could not be reached.
public enum UnavailableReason: Sendable, Equatable, CustomStringConvertible {
    /// TCP/TLS connect failed.
    case connectFailed(String)
    /// Every pooled connection stayed busy past the queue deadline.
    case poolExhausted
    /// The connection was reset (a mutating command's outcome is then unknown).
    case connectionReset
    /// No complete answer within the response timeout.
    case timeout
    /// The transport is shutting down.
    case shutdown
    /// A proxy in front of CloudStack answered 502, 503 or 504 without CloudStack JSON.
    case gatewayStatus(Int)
    /// Any other transport failure.
    case other(String)

    /// A short English description.
    public var description: String {
        switch self {
        case .connectFailed(let why): "connect failed (\(why))"
        case .poolExhausted: "connection pool exhausted"
        case .connectionReset: "connection reset"
        case .timeout: "response timeout"
        case .shutdown: "shutting down"
        case .gatewayStatus(let status): "gateway answered HTTP \(status)"
        case .other(let why): why
        }
    }
}

/// A failed async job (jobstatus 2, or 3 for cancelled).
public struct JobFailure: Sendable, Equatable {
    /// The job id.
    public var jobid: String
    /// `jobstatus`: 2 failed, 3 cancelled.
    public var jobstatus: Int64
    /// `jobresultcode`: the error's HTTP code, e.g. 530 or 431.
    public var jobresultcode: Int64
    /// `jobresult.errorcode`, when present.
    public var errorcode: Int64?
    /// `jobresult.errortext` (or a fixed text when CloudStack gave none).
    public var errortext: String

    /// Creates a failure value.
    public init(jobid: String, jobstatus: Int64, jobresultcode: Int64, errorcode: Int64?, errortext: String) {
        self.jobid = jobid
        self.jobstatus = jobstatus
        self.jobresultcode = jobresultcode
        self.errorcode = errorcode
        self.errortext = errortext
    }
}

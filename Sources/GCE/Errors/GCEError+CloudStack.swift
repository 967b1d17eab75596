public import CloudStack

extension GCEError {
    /// Maps a CloudStack failure by its `errorcode` (`ApiErrorCode`) and `cserrorcode`, never by its text.
    ///
    /// Names are resolved by the bridge before any command runs, so 404 and 409 come from those look-ups,
    /// not from here: a 431 from CloudStack means a value it refused.
    public init(_ error: CloudStackError) {
        switch error {
        case .api(let failure):
            self = GCEError(code: failure.errorcode, text: failure.errortext)
        case .throttled(let failure):
            self = GCEError(status: 429, reason: "rateLimitExceeded", message: failure.errortext, domain: "usageLimits")
        case .unavailable(let reason):
            self = .backend("CloudStack is unavailable (\(reason)); try again later")
        case .upstream:
            self = .backend("CloudStack gave an unexpected answer; try again later")
        case .jobFailed(let failure):
            self = GCEError(code: Int(failure.errorcode ?? failure.jobresultcode), text: failure.errortext)
        case .jobTimeout:
            self = .backend("The CloudStack job is still running")
        case .cancelled:
            self = .backend("The request was cancelled")
        }
    }

    /// The error for a CloudStack `ApiErrorCode` (also a failed job's `jobresultcode`).
    public init(code: Int, text: String) {
        switch code {
        case 400, 430, 431: self = .invalid(text)
        case 401: self = .unauthenticated("CloudStack refused the key pair of this token")
        case 405, 432: self = .forbidden(text)
        case 429: self = GCEError(status: 429, reason: "rateLimitExceeded", message: text, domain: "usageLimits")
        case 531: self = .forbidden(text)
        case 532: self = GCEError(status: 403, reason: "quotaExceeded", message: text, domain: "usageLimits")
        case 533: self = GCEError(status: 503, reason: "resourceExhausted", message: text)
        case 536: self = GCEError(status: 400, reason: "resourceInUseByAnotherResource", message: text)
        case 537: self = GCEError(status: 409, reason: "conflict", message: text)
        default: self = .backend(text)
        }
    }
}

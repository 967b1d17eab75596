import JSON

/// One Google API error: HTTP status, `errors[].reason` and message, rendered as
/// `{"error":{"code","message","errors":[{"domain","reason","message"}]}}` as Google's front ends answer.
public struct GCEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status (400, 401, 403, 404, 409, 412, 429, 503, ...).
    public var status: Int
    /// Google's reason code (`notFound`, `alreadyExists`, `invalid`, `conditionNotMet`, ...).
    public var reason: String
    /// A human message (never contains a secret).
    public var message: String
    /// The `domain` of the error item: `global` for most, `usageLimits` for rate limits.
    public var domain: String

    /// Creates an error value.
    public init(status: Int, reason: String, message: String, domain: String = "global") {
        self.status = status
        self.reason = reason
        self.message = message
        self.domain = domain
    }

    /// The error's message.
    public var description: String { "\(status) \(reason): \(message)" }

    /// 400 `invalid`: a malformed or unacceptable value.
    public static func invalid(_ message: String) -> GCEError { GCEError(status: 400, reason: "invalid", message: message) }
    /// 400 `required`: a missing field.
    public static func required(_ field: String) -> GCEError {
        GCEError(status: 400, reason: "required", message: "Required field '\(field)' not specified")
    }
    /// 401 `authError`, as Google answers a missing, expired or revoked token.
    public static func unauthenticated(_ message: String = "Request had invalid authentication credentials.") -> GCEError {
        GCEError(status: 401, reason: "authError", message: message)
    }
    /// 403 `forbidden`.
    public static func forbidden(_ message: String) -> GCEError { GCEError(status: 403, reason: "forbidden", message: message) }
    /// 404 `notFound` with Google's wording for a resource path.
    public static func notFound(_ resource: String) -> GCEError {
        GCEError(status: 404, reason: "notFound", message: "The resource '\(resource)' was not found")
    }
    /// 409 `alreadyExists` with Google's wording.
    public static func alreadyExists(_ resource: String) -> GCEError {
        GCEError(status: 409, reason: "alreadyExists", message: "The resource '\(resource)' already exists")
    }
    /// 412 `conditionNotMet`: a stale fingerprint.
    public static func conditionNotMet(_ message: String) -> GCEError {
        GCEError(status: 412, reason: "conditionNotMet", message: message)
    }
    /// 503 `backendError`: CloudStack unreachable, overloaded or broken.
    public static func backend(_ message: String) -> GCEError { GCEError(status: 503, reason: "backendError", message: message) }

    /// The error document.
    public var body: [UInt8] {
        var w = JSONWriter(reservingCapacity: 256)
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.member("code", status)
        w.member("message", message)
        w.key("errors")
        w.beginArray()
        w.beginObject()
        w.member("message", message)
        w.member("domain", domain)
        w.member("reason", reason)
        w.endObject()
        w.endArray()
        w.endObject()
        w.endObject()
        return w.take()
    }

    /// Google's reason phrase for `httpErrorMessage` of a failed operation.
    public var httpErrorMessage: String {
        switch status {
        case 400: "BAD REQUEST"
        case 401: "UNAUTHORIZED"
        case 403: "FORBIDDEN"
        case 404: "NOT FOUND"
        case 409: "CONFLICT"
        case 412: "PRECONDITION FAILED"
        case 429: "TOO MANY REQUESTS"
        case 500: "INTERNAL SERVER ERROR"
        default: "SERVICE UNAVAILABLE"
        }
    }

    /// The upper-case `error.errors[].code` of a failed operation (GCE uses e.g. `RESOURCE_NOT_FOUND`).
    public var operationCode: String {
        switch reason {
        case "notFound": "RESOURCE_NOT_FOUND"
        case "alreadyExists": "RESOURCE_ALREADY_EXISTS"
        case "quotaExceeded": "QUOTA_EXCEEDED"
        case "resourceExhausted": "ZONE_RESOURCE_POOL_EXHAUSTED"
        case "resourceInUseByAnotherResource": "RESOURCE_IN_USE_BY_ANOTHER_RESOURCE"
        case "forbidden": "PERMISSION_DENIED"
        case "conditionNotMet": "CONDITION_NOT_MET"
        case "invalid", "required": "INVALID_FIELD_VALUE"
        case "rateLimitExceeded": "RATE_LIMIT_EXCEEDED"
        default: "INTERNAL_ERROR"
        }
    }
}

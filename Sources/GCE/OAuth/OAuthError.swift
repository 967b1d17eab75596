import JSON

/// An RFC 6749 §5.2 error answer of the token, revocation and tokeninfo endpoints (`{"error","error_description"}`).
struct OAuthError: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var detail: String

    static func invalidRequest(_ detail: String) -> OAuthError { OAuthError(status: 400, code: "invalid_request", detail: detail) }
    static func invalidGrant(_ detail: String) -> OAuthError { OAuthError(status: 400, code: "invalid_grant", detail: detail) }
    static func invalidClient(_ detail: String) -> OAuthError { OAuthError(status: 401, code: "invalid_client", detail: detail) }
    static func unsupportedGrant(_ grant: String) -> OAuthError {
        OAuthError(status: 400, code: "unsupported_grant_type", detail: "Invalid grant_type: \(grant)")
    }

    var body: [UInt8] {
        var w = JSONWriter(reservingCapacity: 128)
        w.beginObject()
        w.member("error", code)
        w.member("error_description", detail)
        w.endObject()
        return w.take()
    }
}

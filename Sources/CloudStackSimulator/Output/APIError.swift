/// A CloudStack API error: the HTTP status and `errorcode`, the optional `cserrorcode`, the text.
struct APIError: Error, Sendable, Equatable {
    /// `ApiErrorCode` value, also the HTTP status.
    var code: Int
    /// `CSExceptionErrorCode` value; absent for the 401 credential failures.
    var csCode: Int?
    /// `errortext`.
    var text: String
    /// Whether the wrapper is `errorresponse` instead of the command's response name.
    var usesErrorResponse = false

    static let unauthorizedText = "unable to verify user credentials and/or request signature"

    /// 401 from `verifyRequest` (no `cserrorcode`).
    static let unauthorized = APIError(code: 401, csCode: nil, text: unauthorizedText)

    /// 431 for a missing required parameter.
    static func missing(_ command: String, _ name: String) -> APIError {
        APIError(code: 431, csCode: 9999, text: "Unable to execute API command \(command.lowercased()) due to missing parameter \(name)")
    }

    /// 431 for a UUID that names no entity (ParamProcessWorker's template).
    static func invalidUUID(_ command: String, _ name: String, _ value: String) -> APIError {
        APIError(
            code: 431, csCode: 9999,
            text:
                "Unable to execute API command \(command.lowercased()) due to invalid value. Invalid parameter \(name) value=\(value) due to incorrect long value format, or entity does not exist or due to incorrect parameter annotation for the field in api cmd class."
        )
    }

    /// 431 for an `InvalidParameterValueException`.
    static func invalid(_ text: String) -> APIError { APIError(code: 431, csCode: 4350, text: text) }

    /// 431 for a value the parameter's type cannot hold (a bare `ServerApiException`).
    static func badValue(_ command: String, _ name: String, _ value: String, type: String) -> APIError {
        APIError(
            code: 431, csCode: 9999,
            text:
                "Unable to execute API command \(command.lowercased()) due to invalid value. Invalid parameter \(name) value=\(value) due to incorrect \(type) value format, or entity does not exist or due to incorrect parameter annotation for the field in api cmd class."
        )
    }

    /// 531 for a `PermissionDeniedException`.
    static func permission(_ text: String) -> APIError { APIError(code: 531, csCode: 4365, text: text) }

    /// 530 for an internal error (`CloudRuntimeException`).
    static func internalError(_ text: String) -> APIError { APIError(code: 530, csCode: 4250, text: text) }

    /// 432 when the caller's role may not use the command.
    static func roleDenied(_ command: String, account: String) -> APIError {
        APIError(
            code: 432, csCode: 9999, text: "The API [\(command)] does not exist or is not available for the account \(account).",
            usesErrorResponse: true)
    }

    /// `BaseCmd.USER_ERROR_MESSAGE`: non-root callers never see the details of 530, 533 and 534 errors.
    func shown(toAdmin isAdmin: Bool) -> APIError {
        guard !isAdmin, [530, 533, 534].contains(code) else { return self }
        var masked = self
        masked.text = "Internal error executing command, please contact your system administrator"
        return masked
    }
}

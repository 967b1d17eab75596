// Codes, statuses and messages, and where each fact comes from:
// - Common client errors and their statuses: AWS "Common Error Types" (IncompleteSignature 400,
//   MissingAuthenticationToken 403, RequestExpired 400, MalformedQueryString 404) and
//   "Error codes for the Amazon EC2 API" (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
// - AuthFailure is answered 401 with "AWS was not able to validate the provided access credentials"
//   (EC2 responses quoted in aws/aws-sdk-java-v2#2981 and markcaudill/haproxy-autoscale#20).
// - SignatureDoesNotMatch's EC2 message is quoted in aws/aws-cli#134; 403 as for every SigV4
//   signature rejection (aws/aws-sdk-js#142).
// - RequestExpired: "Request has expired." with 400 (aws/aws-sdk-java#1443, aws/aws-sdk-go-v2#1674).
extension EC2Error {
    /// `AuthFailure` (401): unknown access key, or a credential source refused it.
    public static func authFailure(_ message: String = "AWS was not able to validate the provided access credentials") -> EC2Error {
        EC2Error(code: "AuthFailure", message: message, status: 401)
    }

    /// `SignatureDoesNotMatch` (403): the signature is well formed but wrong.
    public static func signatureDoesNotMatch(
        _ message: String =
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
    ) -> EC2Error {
        EC2Error(code: "SignatureDoesNotMatch", message: message, status: 403)
    }

    /// `IncompleteSignature` (400): a signature part is missing or malformed.
    public static func incompleteSignature(_ message: String) -> EC2Error {
        EC2Error(code: "IncompleteSignature", message: message, status: 400)
    }

    /// `MissingAuthenticationToken` (403): no signature of any kind.
    public static func missingAuthenticationToken() -> EC2Error {
        EC2Error(code: "MissingAuthenticationToken", message: "Request is missing Authentication Token", status: 403)
    }

    /// `RequestExpired` (400): the timestamp is outside the allowed skew or the request has expired.
    public static func requestExpired(_ message: String = "Request has expired.") -> EC2Error {
        EC2Error(code: "RequestExpired", message: message, status: 400)
    }

    /// `MalformedQueryString` (404, as AWS lists it): bad percent-encoding or invalid UTF-8.
    public static func malformedQueryString(_ message: String = "The query string contains a syntax error.") -> EC2Error {
        EC2Error(code: "MalformedQueryString", message: message, status: 404)
    }

    /// `MissingParameter` with EC2's message for the named parameter.
    public static func missingParameter(_ name: String) -> EC2Error {
        EC2Error(code: "MissingParameter", message: "The request must contain the parameter \(name)")
    }

    /// `UnknownParameter` with EC2's message: a request member the action does not take (or the
    /// bridge cannot honour), never dropped.
    public static func unknownParameter(_ name: String) -> EC2Error {
        EC2Error(code: "UnknownParameter", message: "The parameter \(name) is not recognized")
    }

    /// `InvalidParameterValue` with a message naming the parameter.
    public static func invalidParameterValue(_ message: String) -> EC2Error {
        EC2Error(code: "InvalidParameterValue", message: message)
    }

    /// `InvalidParameterValue` for a value that does not parse as the member's type.
    public static func invalidParameterValue(name: String, value: String, expected: String) -> EC2Error {
        EC2Error(code: "InvalidParameterValue", message: "Value (\(value)) for parameter \(name) is invalid. Expected: \(expected).")
    }

    /// `InvalidParameterCombination`: parameters that must not be used together.
    public static func invalidParameterCombination(_ message: String) -> EC2Error {
        EC2Error(code: "InvalidParameterCombination", message: message)
    }

    /// `InvalidAction` (400) with EC2's message.
    public static func invalidAction(_ action: String) -> EC2Error {
        EC2Error(code: "InvalidAction", message: "The action \(action) is not valid for this web service.")
    }

    /// `UnsupportedOperation`: a valid EC2 action or option this gateway cannot perform on CloudStack.
    public static func unsupportedOperation(_ message: String) -> EC2Error {
        EC2Error(code: "UnsupportedOperation", message: message)
    }

    /// `DryRunOperation` (412): the request was valid and `DryRun` was set.
    public static func dryRunOperation() -> EC2Error {
        EC2Error(code: "DryRunOperation", message: "Request would have succeeded, but DryRun flag is set.", status: 412)
    }

    /// `UnauthorizedOperation` (403): the caller may not perform the action.
    public static func unauthorizedOperation(_ message: String = "You are not authorized to perform this operation.") -> EC2Error {
        EC2Error(code: "UnauthorizedOperation", message: message, status: 403)
    }

    /// `RequestLimitExceeded` (503): throttled.
    public static func requestLimitExceeded() -> EC2Error {
        EC2Error(code: "RequestLimitExceeded", message: "Request limit exceeded.", status: 503)
    }

    /// `Unavailable` (503): the backend cannot serve the request now.
    public static func unavailable(_ message: String = "The service is unavailable. Please try again shortly.") -> EC2Error {
        EC2Error(code: "Unavailable", message: message, status: 503)
    }

    /// `InternalError` (500); the message is fixed so internals never leak.
    public static func internalError() -> EC2Error {
        EC2Error(code: "InternalError", message: "An internal error has occurred", status: 500)
    }

    /// `InvalidFilter`: a filter value this action cannot evaluate.
    public static func invalidFilter(_ message: String) -> EC2Error {
        EC2Error(code: "InvalidFilter", message: message)
    }

    /// `InvalidParameterValue` for a filter name the action does not know, with EC2's message.
    public static func unknownFilter(_ name: String) -> EC2Error {
        EC2Error(code: "InvalidParameterValue", message: "The filter '\(name)' is invalid")
    }

    /// `InvalidNextToken`: a `NextToken` that is tampered with, foreign or for another action.
    public static func invalidNextToken() -> EC2Error {
        EC2Error(code: "InvalidNextToken", message: "The token is invalid or expired.")
    }

    /// `InvalidPaginationToken`: the code some actions use for the same failure.
    public static func invalidPaginationToken() -> EC2Error {
        EC2Error(code: "InvalidPaginationToken", message: "The pagination token is invalid or expired.")
    }
}

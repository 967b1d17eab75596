public import CloudStack

/// Maps CloudStack failures to EC2 errors by `errorcode` and the call's context, never by message text.
///
/// The codes are CloudStack's `ApiErrorCode` (apache/cloudstack `ApiErrorCode.java`): 401
/// UNAUTHORIZED, 429 API_LIMIT_EXCEED, 430 MALFORMED_PARAMETER_ERROR, 431 PARAM_ERROR, 432
/// UNSUPPORTED_ACTION_ERROR (also "not allowed for this role"), 530 INTERNAL_ERROR, 531
/// ACCOUNT_ERROR (no permission on another account's resource), 532 ACCOUNT_RESOURCE_LIMIT_ERROR,
/// 533 INSUFFICIENT_CAPACITY_ERROR, 534 RESOURCE_UNAVAILABLE_ERROR, 535 RESOURCE_ALLOCATION_ERROR,
/// 536 RESOURCE_IN_USE_ERROR, 537 NETWORK_RULE_CONFLICT_ERROR.
public enum CloudStackErrorMapping {
    /// The EC2 error for `error` raised while doing what `context` describes.
    public static func ec2Error(_ error: CloudStackError, context: ErrorContext) -> EC2Error {
        switch error {
        case .api(let failure):
            return map(code: failure.errorcode, text: failure.errortext, context: context)
        case .jobFailed(let failure):
            let code = failure.errorcode.map(Int.init) ?? Int(failure.jobresultcode)
            return map(code: code, text: failure.errortext, context: context)
        case .throttled:
            return .requestLimitExceeded()
        case .unavailable, .jobTimeout:
            return .unavailable()
        case .upstream, .cancelled:
            return .internalError()
        }
    }

    static func map(code: Int, text: String, context: ErrorContext) -> EC2Error {
        switch code {
        case 401:
            return .authFailure()
        case 429:
            return .requestLimitExceeded()
        case 430:
            return .invalidParameterValue(sanitized(text))
        case 431, 531:
            // A bad id, or one owned by another account (531): EC2 says the resource does not exist.
            if let resource = context.resource, !resource.ids.isEmpty { return .notFound(resource.kind, ids: resource.ids) }
            if let name = context.keyPairName { return .keyPairNotFound(name) }
            return code == 531 ? .unauthorizedOperation() : .invalidParameterValue(sanitized(text))
        case 432:
            return .unauthorizedOperation()
        case 532:
            return context.launching
                ? EC2Error(code: "InstanceLimitExceeded", message: "Your quota allows no more instances: \(sanitized(text))")
                : EC2Error(code: "ResourceLimitExceeded", message: "Your quota does not allow this request: \(sanitized(text))")
        case 533, 535:
            return context.launching
                ? EC2Error(
                    code: "InsufficientInstanceCapacity", message: "There is not enough capacity to fulfill your request.", status: 500)
                : .internalError()
        case 534:
            return .unavailable()
        case 536:
            if let resource = context.resource, resource.kind == .instance {
                return EC2Error(code: "IncorrectInstanceState", message: "The instance is not in a state that allows this request.")
            }
            return EC2Error(code: "IncorrectState", message: "The resource is in use or not in a state that allows this request.")
        case 537:
            return EC2Error(code: "InvalidPermission.Duplicate", message: "The specified rule already exists.")
        case 400..<500:
            return .invalidParameterValue(sanitized(text))
        default:
            return .internalError()
        }
    }

    // CloudStack's texts may name internal ids or hosts; keep them short and single-line.
    static func sanitized(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        return line.count > 300 ? String(line.prefix(300)) : line
    }
}

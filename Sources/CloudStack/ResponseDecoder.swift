import JSON
public import Pipeline

/// Turns one HTTP answer from the management server into a typed result or one `CloudStackError`.
public enum ResponseDecoder {
    /// Decodes a 200 answer with `command`, or an error answer into its error.
    public static func decode<C: CloudStackCommand>(_ command: C, _ response: InboundResponse) throws(CloudStackError) -> C.Result {
        guard response.status == 200 else { throw error(status: response.status, body: response.body) }
        let outcome: Result<C.Result?, JSONError> = Result { () throws(JSONError) -> C.Result? in
            try JSONReader.read(response.body) { (reader: inout JSONReader) throws(JSONError) -> C.Result? in
                var result: C.Result?
                try reader.beginObject()
                // The one member is the wrapper, named `<command>response` (some commands spell it
                // oddly: `resetSSHKeyforvirtualmachineresponse`, so only the suffix is checked). An
                // answer without one is not CloudStack's, and must not read as an empty list.
                while let key = try reader.nextKey() {
                    if result == nil && ResponseDecoder.isWrapper(key.string) {
                        result = try command.decodeResult(from: &reader)
                    } else {
                        try reader.skip()
                    }
                }
                try reader.finish()
                return result
            }
        }
        switch outcome {
        case .success(let result?): return result
        case .success(nil):
            let expected = command.descriptor.resultName.map { "`\($0)`" } ?? "a result"
            throw .upstream(status: 200, reason: "\(command.descriptor.name): answer lacks a `…response` wrapper or \(expected)")
        case .failure(let jsonError):
            throw .upstream(status: 200, reason: "\(command.descriptor.name): \(jsonError)")
        }
    }

    /// Whether `key` names a response wrapper (`…response`, in any case).
    static func isWrapper(_ key: String) -> Bool {
        key.utf8.count > 8 && key.lowercased().hasSuffix("response")
    }

    /// The error an answer stands for: API error, throttling, or an upstream/gateway failure.
    public static func error(status: Int, body: [UInt8]) -> CloudStackError {
        if let failure = apiFailure(status: status, body: body) {
            return failure.errorcode == 429 || status == 429 ? .throttled(failure) : .api(failure)
        }
        if status == 502 || status == 503 || status == 504 { return .unavailable(.gatewayStatus(status)) }
        if status == 429 {
            return .throttled(APIFailure(status: 429, errorcode: 429, errortext: "HTTP 429 without a CloudStack body"))
        }
        return .upstream(status: status, reason: "body is not a CloudStack error (\(preview(body)))")
    }

    /// Parses `{"<r>":{"errorcode":…,"cserrorcode":…,"errortext":…}}`; `nil` when the body is not one.
    static func apiFailure(status: Int, body: [UInt8]) -> APIFailure? {
        try? JSONReader.read(body) { (reader: inout JSONReader) throws(JSONError) -> APIFailure? in
            var failure: APIFailure?
            try reader.beginObject()
            while try reader.nextKey() != nil {
                guard failure == nil, try reader.nextKind() == .object else {
                    try reader.skip()
                    continue
                }
                var code: Int64?
                var csCode: Int64?
                var text: String?
                try reader.beginObject()
                while let key = try reader.nextKey() {
                    switch key {
                    case "errorcode": code = try reader.integer()
                    case "cserrorcode": csCode = try reader.integer()
                    case "errortext": text = try reader.text()
                    default: try reader.skip()
                    }
                }
                if let code {
                    failure = APIFailure(
                        status: status, errorcode: Int(truncatingIfNeeded: code), cserrorcode: csCode.map { Int(truncatingIfNeeded: $0) },
                        errortext: text ?? "")
                }
            }
            try reader.finish()
            return failure
        } ?? nil
    }

    /// The first bytes of a body, printable ASCII only, for an error message.
    static func preview(_ body: [UInt8]) -> String {
        if body.isEmpty { return "empty body" }
        let shown = body.prefix(64).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
        return "\(body.count) bytes: \(String(decoding: shown, as: UTF8.self))"
    }
}

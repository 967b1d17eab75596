import Crypto
import Pipeline

extension RequestVerifier {
    /// SigV2: `AWSAccessKeyId`, `SignatureVersion=2`, `SignatureMethod`, `Timestamp` or `Expires`, `Signature`.
    func verifyV2(_ request: Request, parameters: QueryParameters) async throws -> AuthenticatedPrincipal {
        for name in ["AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Signature"] where !parameters.contains(name) {
            throw EC2Error.missingParameter(name)
        }
        guard parameters["SignatureVersion"] == "2" else {
            throw EC2Error.invalidParameterValue(name: "SignatureVersion", value: parameters["SignatureVersion"] ?? "", expected: "2")
        }
        guard let method = parameters["SignatureMethod"].flatMap(SignatureV2.Method.init(rawValue:)) else {
            throw EC2Error.invalidParameterValue(
                name: "SignatureMethod", value: parameters["SignatureMethod"] ?? "", expected: "HmacSHA1 or HmacSHA256")
        }
        let now = clock.epochSeconds
        switch (parameters["Timestamp"], parameters["Expires"]) {
        case (.some, .some):
            throw EC2Error.invalidParameterCombination("The parameter Timestamp cannot be used with the parameter Expires")
        case (nil, nil):
            throw EC2Error.missingParameter("Timestamp")
        case (let timestamp?, nil):
            guard let time = AWSTimestamp.parseExtended(timestamp) else {
                throw EC2Error.invalidParameterValue(name: "Timestamp", value: timestamp, expected: "an ISO 8601 timestamp")
            }
            if time < now - maxSkew || time > now + maxSkew { throw EC2Error.requestExpired() }
        case (nil, let expires?):
            guard let time = AWSTimestamp.parseExtended(expires) else {
                throw EC2Error.invalidParameterValue(name: "Expires", value: expires, expected: "an ISO 8601 timestamp")
            }
            if time < now { throw EC2Error.requestExpired() }
        }
        let accessKeyID = parameters["AWSAccessKeyId"] ?? ""
        let pair = try await keyPair(accessKeyID)
        let toSign = SignatureV2.stringToSign(
            method: request.method.rawValue, host: request.headers["host"] ?? "", path: String(request.path),
            parameters: parameters.fields)
        let expected = SignatureV2.signature(secret: pair.secretKey, method: method, stringToSign: toSign)
        guard let provided = Base64.decode(parameters["Signature"] ?? ""), ConstantTime.equals(provided, expected) else {
            throw EC2Error.signatureDoesNotMatch()
        }
        return AuthenticatedPrincipal(keyPair: pair, scheme: method == .hmacSHA1 ? .v2HmacSHA1 : .v2HmacSHA256)
    }
}

import Crypto
import Pipeline

extension RequestVerifier {
    /// SigV4 with the `Authorization` header.
    func verifyV4Header(_ request: Request, authorization: String, parameters: QueryParameters) async throws -> AuthenticatedPrincipal {
        let credential = try SigV4Credential.parse(authorization: authorization)
        let timestamp: String
        let time: Int64
        if let amzDate = request.headers["x-amz-date"] {
            guard let parsed = AWSTimestamp.parseBasic(amzDate) else {
                throw EC2Error.incompleteSignature("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
            }
            (timestamp, time) = (amzDate, parsed)
        } else if let date = request.headers["date"], let parsed = AWSTimestamp.parseHTTPDate(date) {
            (timestamp, time) = (AWSTimestamp.formatBasic(parsed), parsed)
        } else {
            throw EC2Error.incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        try checkScope(credential, timestamp: timestamp)
        let now = clock.epochSeconds
        if time < now - maxSkew || time > now + maxSkew { throw EC2Error.requestExpired() }
        let pair = try await keyPair(credential.accessKeyID)
        let payload = try payloadHash(request, declared: request.headers["x-amz-content-sha256"])
        let expected = signature(
            request, credential: credential, query: parameters.queryFields, timestamp: timestamp, payloadHash: payload,
            secret: pair.secretKey)
        guard RequestVerifier.matches(credential.signature, expected) else { throw EC2Error.signatureDoesNotMatch() }
        return AuthenticatedPrincipal(keyPair: pair, scheme: .v4Header)
    }

    /// SigV4 presigned: the signature parts are `X-Amz-*` query parameters.
    func verifyV4Query(_ request: Request, parameters: QueryParameters) async throws -> AuthenticatedPrincipal {
        var auth: [String: String] = [:]
        for field in parameters.queryFields where field.name.hasPrefix("X-Amz-") {
            auth[field.name] = field.value
        }
        guard auth["X-Amz-Algorithm"] == SignatureV4.algorithm else {
            throw EC2Error.incompleteSignature("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
        }
        let required = ["X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"]
        let absent = required.filter { auth[$0] == nil }
        guard absent.isEmpty, let credentialText = auth["X-Amz-Credential"], let timestamp = auth["X-Amz-Date"],
            let expiresText = auth["X-Amz-Expires"], let signedHeaders = auth["X-Amz-SignedHeaders"],
            let signatureText = auth["X-Amz-Signature"]
        else {
            throw EC2Error.incompleteSignature("Query-string authentication requires the " + absent.joined(separator: ", ") + " parameters")
        }
        let credential = try SigV4Credential.make(credential: credentialText, signedHeaders: signedHeaders, signature: signatureText)
        guard let time = AWSTimestamp.parseBasic(timestamp) else {
            throw EC2Error.incompleteSignature("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
        }
        guard let expires = Int64(expiresText), expires >= 1, expires <= 604_800 else {
            throw EC2Error.incompleteSignature("X-Amz-Expires must be a whole number of seconds from 1 to 604800")
        }
        try checkScope(credential, timestamp: timestamp)
        let now = clock.epochSeconds
        if time + expires < now || time > now + maxSkew { throw EC2Error.requestExpired() }
        let pair = try await keyPair(credential.accessKeyID)
        let query = parameters.queryFields.filter { $0.name != "X-Amz-Signature" }
        let declared = auth["X-Amz-Content-Sha256"] ?? request.headers["x-amz-content-sha256"]
        var candidates = [try payloadHash(request, declared: declared)]
        // botocore's SigV4QueryAuth hashes the (empty) body; S3-style presigners sign UNSIGNED-PAYLOAD.
        // Accept the latter only with an empty body, so no unsigned form field can slip in.
        if declared == nil && request.body.isEmpty { candidates.append(SignatureV4.unsignedPayload) }
        for payload in candidates {
            let expected = signature(
                request, credential: credential, query: query, timestamp: timestamp, payloadHash: payload, secret: pair.secretKey)
            if RequestVerifier.matches(credential.signature, expected) {
                return AuthenticatedPrincipal(keyPair: pair, scheme: .v4Query)
            }
        }
        throw EC2Error.signatureDoesNotMatch()
    }

    private func checkScope(_ credential: SigV4Credential, timestamp: String) throws {
        // Query-protocol services answer a wrong scope with SignatureDoesNotMatch and these messages
        // (IAM and Route 53 examples in aws/aws-sdk-php#732 and JuliaCloud/AWS.jl#565).
        guard credential.region == region else {
            throw EC2Error.signatureDoesNotMatch("Credential should be scoped to a valid region, not '\(credential.region)'.")
        }
        guard credential.service == service else {
            throw EC2Error.signatureDoesNotMatch("Credential should be scoped to correct service: '\(service)'.")
        }
        guard timestamp.hasPrefix(credential.date) else {
            throw EC2Error.signatureDoesNotMatch(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(credential.date)' != '\(timestamp.prefix(8))'"
            )
        }
        guard credential.signedHeaders.contains("host") else {
            throw EC2Error.incompleteSignature("The host header must be signed.")
        }
    }

    /// The payload hash to sign: the declared `x-amz-content-sha256` if it is true of the body, else the body's hash.
    private func payloadHash(_ request: Request, declared: String?) throws -> String {
        let actual = request.body.isEmpty ? SignatureV4.emptyPayloadHash : Hex.encode(Digest.hash(.sha256, request.body))
        guard let declared else { return actual }
        if declared == SignatureV4.unsignedPayload {
            // EC2 reads parameters from the body, so an unsigned body would let anyone change them.
            guard request.body.isEmpty else {
                throw EC2Error.signatureDoesNotMatch("UNSIGNED-PAYLOAD is not accepted for a request with a body.")
            }
            return declared
        }
        guard declared.lowercased() == actual else {
            throw EC2Error.signatureDoesNotMatch("The provided x-amz-content-sha256 header does not match what was computed.")
        }
        return declared
    }

    private func signature(
        _ request: Request, credential: SigV4Credential, query: [(name: String, value: String)], timestamp: String,
        payloadHash: String, secret: String
    ) -> String {
        let headers = credential.signedHeaders.map { name in (name: name, values: request.headers.values(name)) }
        let canonical = SignatureV4.canonicalRequest(
            method: request.method.rawValue, canonicalURI: SignatureV4.canonicalURI(rawPath: request.path), query: query,
            headers: headers, payloadHash: payloadHash)
        let toSign = SignatureV4.stringToSign(timestamp: timestamp, scope: credential.scope, canonicalRequest: canonical)
        let key = signingKeys.key(for: credential, secret: secret)
        return Hex.encode(SignatureV4.signature(signingKey: key, stringToSign: toSign))
    }
}

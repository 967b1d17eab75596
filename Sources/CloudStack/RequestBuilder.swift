public import Pipeline

/// Builds the signed HTTP request for one command: GET for small requests, a POST form for large ones.
public struct RequestBuilder: Sendable {
    /// Path, POST threshold and signature version.
    public var configuration: ClientConfiguration

    /// Creates a builder.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Names the builder sets itself; a caller's parameter of the same name (any case) is dropped.
    static let reserved: Set<String> = ["command", "apikey", "response", "signature", "signatureversion", "expires"]

    /// The signed parameters: the caller's plus `command`, `response=json`, `apiKey` and, when configured,
    /// `signatureVersion=3` and `expires`.
    public func signedParameters(
        _ descriptor: CommandDescriptor, _ parameters: Parameters, credentials: CloudStackCredentials, epochSeconds: Int64
    ) -> (pairs: [(name: String, value: String)], signature: String) {
        var pairs: [(name: String, value: String)] = [("command", descriptor.name)]
        pairs.reserveCapacity(parameters.count + 6)
        for pair in parameters.pairs where !RequestBuilder.reserved.contains(pair.name.lowercased()) {
            pairs.append(pair)
        }
        pairs.append(("response", "json"))
        pairs.append(("apiKey", credentials.apiKey))
        if let expiry = configuration.signatureExpirySeconds {
            pairs.append(("signatureVersion", "3"))
            pairs.append(("expires", RequestSigner.expiresTimestamp(epochSeconds: epochSeconds + expiry)))
        }
        return (pairs, RequestSigner.sign(pairs, secretKey: credentials.secretKey))
    }

    /// The outbound request; the transport adds `Host`.
    public func build(
        _ descriptor: CommandDescriptor, _ parameters: Parameters, credentials: CloudStackCredentials, epochSeconds: Int64
    ) -> OutboundRequest {
        let (pairs, signature) = signedParameters(descriptor, parameters, credentials: credentials, epochSeconds: epochSeconds)
        var query: [UInt8] = []
        query.reserveCapacity(512)
        for pair in pairs {
            // Names are percent-encoded on the wire (`tags%5B0%5D.key`); the server decodes them before
            // signing, where they appear raw.
            URLEncoding.append(pair.name, to: &query)
            query.append(UInt8(ascii: "="))
            URLEncoding.append(pair.value, to: &query)
            query.append(UInt8(ascii: "&"))
        }
        query.append(contentsOf: "signature=".utf8)
        URLEncoding.append(signature, to: &query)

        if query.count > configuration.postThreshold {
            var headers = Headers()
            headers.add("Content-Type", "application/x-www-form-urlencoded")
            return OutboundRequest(
                method: .post, target: configuration.path, headers: headers, body: query, idempotent: descriptor.isIdempotent)
        }
        var target = Array(configuration.path.utf8)
        target.append(UInt8(ascii: "?"))
        target.append(contentsOf: query)
        return OutboundRequest(method: .get, target: String(decoding: target, as: UTF8.self), idempotent: descriptor.isIdempotent)
    }
}

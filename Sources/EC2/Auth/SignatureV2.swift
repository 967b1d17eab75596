import Crypto

/// The AWS Signature Version 2 algorithm for Query requests.
///
///     StringToSign = METHOD \n lower-case host \n path \n canonical query
///
/// The canonical query is every parameter except `Signature`, sorted by name in UTF-8 byte order,
/// names and values RFC 3986 encoded (`~` unreserved, space as `%20`), joined with `&`. This is
/// AWS's "Signature Version 2 signing process" and botocore's `SigV2Auth.calc_signature`
/// (`sorted(params)`, `quote(key, safe='')`, `quote(value, safe='-_~')`).
public enum SignatureV2 {
    /// The `SignatureMethod` values SigV2 allows.
    public enum Method: String, Sendable, CaseIterable {
        /// HMAC-SHA1.
        case hmacSHA1 = "HmacSHA1"
        /// HMAC-SHA256.
        case hmacSHA256 = "HmacSHA256"

        var digest: DigestAlgorithm {
            switch self {
            case .hmacSHA1: .sha1
            case .hmacSHA256: .sha256
            }
        }
    }

    /// The string to sign; `host` is lower-cased here, `path` is the raw path (`/` if empty).
    public static func stringToSign(
        method: String, host: String, path: String, parameters: [(name: String, value: String)]
    ) -> String {
        let sorted = parameters.filter { $0.name != "Signature" }.sorted { a, b in
            if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
            return a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
        }
        var query: [UInt8] = []
        for (position, field) in sorted.enumerated() {
            if position > 0 { query.append(UInt8(ascii: "&")) }
            PercentEncoding.appendRFC3986(field.name, to: &query)
            query.append(UInt8(ascii: "="))
            PercentEncoding.appendRFC3986(field.value, to: &query)
        }
        return method + "\n" + host.lowercased() + "\n" + (path.isEmpty ? "/" : path) + "\n"
            + String(decoding: query, as: UTF8.self)
    }

    /// The raw signature bytes (base64-encode for the wire).
    public static func signature(secret: String, method: Method, stringToSign: String) -> [UInt8] {
        HMAC.authenticate(method.digest, key: secret, message: stringToSign)
    }
}

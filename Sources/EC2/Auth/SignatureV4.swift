import Crypto

/// The AWS Signature Version 4 algorithm (HMAC-SHA256): canonical request, string to sign, key.
///
/// Pure functions over already-parsed parts, so the known-answer tests drive them directly.
public enum SignatureV4 {
    /// The only algorithm name SigV4 defines.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash presigned URLs and unsigned bodies use.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// SHA-256 of the empty string, hex.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    public static func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let kDate = HMAC.authenticate(.sha256, key: Array(("AWS4" + secret).utf8), message: date)
        let kRegion = HMAC.authenticate(.sha256, key: kDate, message: region)
        let kService = HMAC.authenticate(.sha256, key: kRegion, message: service)
        return HMAC.authenticate(.sha256, key: kService, message: "aws4_request")
    }

    /// The canonical request.
    ///
    /// - `canonicalURI`: from `canonicalURI(rawPath:)`.
    /// - `query`: decoded query fields (the presigned signature already removed); each name and value
    ///   is RFC 3986 encoded and the pairs sorted by encoded name, then encoded value.
    /// - `headers`: lower-cased signed header names with their values in request order; values are
    ///   trimmed, inner runs of spaces collapsed, repeats joined with `,`.
    public static func canonicalRequest(
        method: String, canonicalURI: String, query: [(name: String, value: String)],
        headers: [(name: String, values: [String])], payloadHash: String
    ) -> String {
        var out = method + "\n" + canonicalURI + "\n" + canonicalQuery(query) + "\n"
        for header in headers {
            out += header.name + ":" + header.values.map(trimAll).joined(separator: ",") + "\n"
        }
        out += "\n" + headers.map(\.name).joined(separator: ";") + "\n" + payloadHash
        return out
    }

    /// The sorted, RFC 3986 encoded query.
    public static func canonicalQuery(_ fields: [(name: String, value: String)]) -> String {
        let encoded = fields.map { (PercentEncoding.rfc3986($0.name), PercentEncoding.rfc3986($0.value)) }
        let sorted = encoded.sorted { a, b in
            if a.0 != b.0 { return a.0.utf8.lexicographicallyPrecedes(b.0.utf8) }
            return a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
        }
        return sorted.map { $0.0 + "=" + $0.1 }.joined(separator: "&")
    }

    /// The canonical URI of a raw (still percent-encoded) path: dot segments and empty segments are
    /// removed, and the result is encoded once more, keeping `/` (non-S3 services sign the path
    /// double-encoded: botocore `quote(normalize_url_path(path), safe='/~')` on the encoded path).
    public static func canonicalURI(rawPath: some StringProtocol) -> String {
        var segments: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
                continue
            }
            segments.append(Substring(segment))
        }
        if segments.isEmpty { return "/" }
        var path = "/" + segments.joined(separator: "/")
        if rawPath.hasSuffix("/") { path += "/" }
        var out: [UInt8] = []
        for (position, part) in path.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if position > 0 { out.append(UInt8(ascii: "/")) }
            PercentEncoding.appendRFC3986(part, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `AWS4-HMAC-SHA256\n<timestamp>\n<scope>\n<hex sha256(canonical request)>`.
    public static func stringToSign(timestamp: String, scope: String, canonicalRequest: String) -> String {
        algorithm + "\n" + timestamp + "\n" + scope + "\n" + Hex.encode(Digest.hash(.sha256, canonicalRequest))
    }

    /// The signature bytes (hex-encode for the wire).
    public static func signature(signingKey: [UInt8], stringToSign: String) -> [UInt8] {
        HMAC.authenticate(.sha256, key: signingKey, message: stringToSign)
    }

    // SigV4 "Trimall": strip leading and trailing spaces, collapse inner runs to one space.
    static func trimAll(_ value: String) -> String {
        // Most values have nothing to trim; checking the bytes first spares a split into characters.
        var previousSpace = true
        var clean = true
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\t") || (byte == UInt8(ascii: " ") && previousSpace) {
                clean = false
                break
            }
            previousSpace = byte == UInt8(ascii: " ")
        }
        if clean && !previousSpace { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

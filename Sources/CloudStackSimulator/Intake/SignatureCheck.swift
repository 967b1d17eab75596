import Crypto

/// `ApiServer.verifyRequest`'s signature rules, written independently of the bridge's signer.
///
/// Names are sorted case-sensitively by UTF-16 code unit (Java `String` order) in their decoded,
/// original case; `signature` is left out; values are re-encoded with `URLEncoder` rules; names are
/// not encoded; the whole string is lower-cased; HMAC-SHA1 with the secret, base64, compared in
/// constant time with the decoded `signature` parameter.
enum SignatureCheck {
    /// The string CloudStack signs for these parameters.
    static func stringToSign(_ parameters: Parameters) -> String {
        let sorted = parameters.signed
            .filter { $0.name.lowercased() != "signature" }
            .sorted { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
        var out: [UInt8] = []
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: pair.name.utf8)
            out.append(UInt8(ascii: "="))
            URLCoding.javaEncode(pair.value, into: &out)
        }
        return String(decoding: out, as: UTF8.self).lowercased()
    }

    /// The base64 HMAC-SHA1 signature of `parameters` under `secret`.
    static func sign(_ parameters: Parameters, secret: String) -> String {
        Base64.encode(HMAC.authenticate(.sha1, key: secret, message: stringToSign(parameters)))
    }

    /// Whether the supplied `signature` matches the one computed with `secret`.
    static func verify(_ parameters: Parameters, secret: String) -> Bool {
        guard let supplied = parameters["signature"] else { return false }
        return ConstantTime.equals(Array(supplied.utf8), Array(sign(parameters, secret: secret).utf8))
    }
}

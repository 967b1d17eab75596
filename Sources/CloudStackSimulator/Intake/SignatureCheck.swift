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
        String(decoding: bytesToSign(parameters), as: UTF8.self)
    }

    /// The string to sign as UTF-8 bytes.
    static func bytesToSign(_ parameters: Parameters) -> [UInt8] {
        let sorted = parameters.signed
            .filter { !isSignature($0.name) }
            .sorted { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        var ascii = true
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            for byte in pair.name.utf8 {
                ascii = ascii && byte < 0x80
                out.append(byte)
            }
            out.append(UInt8(ascii: "="))
            URLCoding.javaEncode(pair.value, into: &out)
        }
        // Values are percent-encoded, so only a non-ASCII name needs Unicode lower-casing.
        guard ascii else { return Array(String(decoding: out, as: UTF8.self).lowercased().utf8) }
        for index in out.indices where out[index] >= UInt8(ascii: "A") && out[index] <= UInt8(ascii: "Z") {
            out[index] += 32
        }
        return out
    }

    /// `name.equalsIgnoreCase("signature")` without allocating.
    private static func isSignature(_ name: String) -> Bool {
        let target = "signature".utf8
        guard name.utf8.count == target.count else { return false }
        return zip(name.utf8, target).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// The base64 HMAC-SHA1 signature of `parameters` under `secret`.
    static func sign(_ parameters: Parameters, secret: String) -> String {
        Base64.encode(HMAC.authenticate(.sha1, key: secret, message: bytesToSign(parameters)))
    }

    /// Whether the supplied `signature` matches the one computed with `secret`.
    static func verify(_ parameters: Parameters, secret: String) -> Bool {
        guard let supplied = parameters["signature"] else { return false }
        return ConstantTime.equals(Array(supplied.utf8), Array(sign(parameters, secret: secret).utf8))
    }
}

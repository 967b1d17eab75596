import Crypto
import Pipeline

/// CloudStack request signing exactly as `ApiServer.verifyRequest` checks it (docs/cloudstack-reference.md §1.2).
public enum RequestSigner {
    /// The string to sign: names sorted case-sensitively in UTF-16 order, `name=value` with values
    /// URL-encoded Java-style and names raw, joined by `&`, the whole string lower-cased.
    /// A `signature` parameter (any case) is left out, as the server does.
    public static func stringToSign(_ pairs: [(name: String, value: String)]) -> String {
        var sorted = pairs.filter { !equalsIgnoringASCIICase($0.name, "signature") }
        // For ASCII names UTF-8 order is UTF-16 order, and comparing UTF-8 skips transcoding native
        // strings on every comparison; any other name sorts by UTF-16, as Java's String compares.
        if sorted.allSatisfy({ $0.name.utf8.allSatisfy { $0 < 0x80 } }) {
            sorted.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        } else {
            sorted.sort { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        for (index, pair) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: pair.name.utf8)
            out.append(UInt8(ascii: "="))
            URLEncoding.append(pair.value, to: &out)
        }
        // Values are ASCII once encoded; only a non-ASCII name needs Unicode lower-casing.
        if out.allSatisfy({ $0 < 0x80 }) {
            for i in out.indices where out[i] >= UInt8(ascii: "A") && out[i] <= UInt8(ascii: "Z") { out[i] += 32 }
            return String(decoding: out, as: UTF8.self)
        }
        return String(decoding: out, as: UTF8.self).lowercased()
    }

    /// The base64 HMAC-SHA1 of `stringToSign` keyed with the secret key's UTF-8 bytes.
    public static func signature(of stringToSign: String, secretKey: String) -> String {
        Base64.encode(HMAC.authenticate(.sha1, key: secretKey, message: stringToSign))
    }

    /// The signature of a full parameter list.
    public static func sign(_ pairs: [(name: String, value: String)], secretKey: String) -> String {
        signature(of: stringToSign(pairs), secretKey: secretKey)
    }

    /// `expires` for `signatureVersion=3`: `yyyy-MM-dd'T'HH:mm:ssZ` in UTC, e.g. `2030-01-01T00:00:00+0000`,
    /// the one format every server version parses.
    public static func expiresTimestamp(epochSeconds: Int64) -> String {
        let (year, month, day, h, m, s) = CivilDate.components(epochSeconds: epochSeconds)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(h)):\(two(m)):\(two(s))+0000"
    }

    static func equalsIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count
            && zip(a.utf8, b.utf8).allSatisfy { x, y in
                (x >= 65 && x <= 90 ? x + 32 : x) == (y >= 65 && y <= 90 ? y + 32 : y)
            }
    }
}

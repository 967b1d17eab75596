import Crypto

/// GCE `fingerprint`s: opaque base64 strings that change whenever the fingerprinted value changes.
///
/// Derived from content, so every bridge instance computes the same one without shared state; a request
/// carrying a stale fingerprint gets 412 `conditionNotMet`.
public enum Fingerprint {
    /// The fingerprint of an ordered list of strings.
    public static func of(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            bytes.append(contentsOf: part.utf8)
            bytes.append(0)
        }
        return Base64.encode(Digest.hash(.sha256, bytes).prefix(8))
    }
}

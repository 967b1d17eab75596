import Crypto

/// GCE `fingerprint`s: opaque base64 strings that change whenever the fingerprinted value changes.
///
/// Derived from content, so every bridge instance computes the same one without shared state; a request
/// carrying a stale fingerprint gets 412 `conditionNotMet`. FNV-1a (64 bits) rather than SHA-256: it only has
/// to tell versions of one resource apart, and it is written for every instance of every list.
public enum Fingerprint {
    /// The fingerprint of an ordered list of strings.
    public static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
        return Base64.encode(bytes)
    }
}

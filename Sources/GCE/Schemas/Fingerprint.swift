import Crypto

/// GCE `fingerprint`s: opaque base64 strings that change whenever the fingerprinted value changes.
///
/// Derived from content, so every bridge instance computes the same one without shared state; a request
/// carrying a stale fingerprint gets 412 `conditionNotMet`. FNV-1a (64 bits) rather than SHA-256: it only has
/// to tell versions of one resource apart, and it is written for every instance of every list.
public enum Fingerprint {
    /// The fingerprint of an ordered list of strings.
    public static func of(_ parts: [String]) -> String {
        var hash = Hash()
        for part in parts { hash.add(part) }
        return hash.text
    }

    /// The fingerprint of `key=value` pairs, the same as `of` over the joined strings but without
    /// making them (labels and metadata are fingerprinted for every instance listed).
    public static func of(pairs: some Sequence<(key: String, value: String)>) -> String {
        var hash = Hash()
        for pair in pairs { hash.add(key: pair.key, value: pair.value) }
        return hash.text
    }

    /// FNV-1a over the parts' UTF-8, each part closed by an 0xff byte (which UTF-8 never contains).
    struct Hash {
        private var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ part: String) {
            mix(part)
            mix(byte: 0xff)
        }

        /// Adds `key=value` as one part.
        mutating func add(key: String, value: String) {
            mix(key)
            mix(byte: UInt8(ascii: "="))
            mix(value)
            mix(byte: 0xff)
        }

        private mutating func mix(_ text: String) {
            for byte in text.utf8 { mix(byte: byte) }
        }

        private mutating func mix(byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        /// The 8 hash bytes, big-endian, in base64 (12 characters: a small string, no allocation).
        var text: String {
            withUnsafeBytes(of: value.bigEndian) { Base64.encode($0.bindMemory(to: UInt8.self)) }
        }
    }
}

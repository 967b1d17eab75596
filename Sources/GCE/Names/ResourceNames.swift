import Crypto

/// Turns CloudStack names ("Small Instance", "VM-5f3e…") into GCE names (`[a-z]([-a-z0-9]{0,61}[a-z0-9])?`).
///
/// A name that is already valid maps to itself. Any other becomes a slug plus `-` and eight base-36 characters of
/// SHA-256 of the original name, so the mapping needs no state and two names never share a slug by accident.
/// CloudStack allows duplicate names in one scope; `assign` gives every member of such a group a suffix from
/// its UUID instead, so each GCE name in a list names exactly one resource. The way back is always: list the
/// scope, `assign`, compare.
public enum ResourceNames {
    /// Whether `name` matches Google's resource name pattern.
    public static func isValid<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, isLower(first) else { return false }
        guard let last = bytes.last, isLower(last) || isDigit(last) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// The GCE name for one CloudStack name, ignoring duplicates.
    public static func gceName(for name: String) -> String {
        if isValid(name) { return name }
        return slug(name, suffix: suffix(Array(name.utf8)))
    }

    /// GCE names for a scope's resources, in input order; duplicates get a suffix from their UUID.
    public static func assign(_ entries: [(id: String, name: String)]) -> [String] {
        let plain = entries.map { gceName(for: $0.name) }
        var counts: [String: Int] = [:]
        for name in plain { counts[name, default: 0] += 1 }
        return zip(entries, plain).map { entry, name in
            guard counts[name, default: 0] > 1 else { return name }
            return slug(entry.name, suffix: suffix(Array(entry.id.utf8)))
        }
    }

    /// A lower-case slug of `name`, at most 54 characters, followed by `-suffix`.
    static func slug(_ name: String, suffix: String) -> String {
        var out: [UInt8] = []
        var lastWasDash = true
        for byte in name.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if isLower(lower) || isDigit(lower) {
                out.append(lower)
                lastWasDash = false
            } else if !lastWasDash {
                out.append(UInt8(ascii: "-"))
                lastWasDash = true
            }
        }
        if out.first.map({ !isLower($0) }) ?? true { out.insert(contentsOf: Array("cs-".utf8), at: 0) }
        let room = 63 - 1 - suffix.utf8.count
        if out.count > room { out.removeLast(out.count - room) }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return String(decoding: out, as: UTF8.self) + "-" + suffix
    }

    /// Eight base-36 characters (about 41 bits) of SHA-256 of `bytes`.
    static func suffix(_ bytes: [UInt8]) -> String {
        let digest = Digest.hash(.sha256, bytes)
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var out: [UInt8] = []
        for _ in 0..<8 {
            out.append(alphabet[Int(value % 36)])
            value /= 36
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

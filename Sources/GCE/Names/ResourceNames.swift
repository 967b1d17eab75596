import Crypto

/// Turns CloudStack names ("Small Instance", "VM-5f3e…") into GCE names (`[a-z]([-a-z0-9]{0,61}[a-z0-9])?`).
///
/// A name that is already valid maps to itself; any other to its slug (`Small Instance` -> `small-instance`).
/// Collisions are settled within the scope being listed (`assign`): when several resources share a GCE name,
/// a resource whose own CloudStack name is exactly that name keeps it, and every other one gets `-` plus eight
/// base-36 characters of SHA-256 of its UUID. So each GCE name in a scope names exactly one resource, the way
/// back is always "list the scope, assign, compare", and no state is kept anywhere.
///
/// Instances, disks and snapshots are named by `ownName` instead, each from its own row, so a page of them can be
/// named without reading the whole scope: lists cut from CloudStack's own pages (issue 16, decision 0017).
public enum ResourceNames {
    /// Whether `name` matches Google's resource name pattern.
    public static func isValid<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, isLower(first) else { return false }
        guard let last = bytes.last, isLower(last) || isDigit(last) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// The GCE name for one CloudStack name, ignoring other resources in its scope.
    public static func gceName(for name: String) -> String {
        isValid(name) ? name : slug(name, suffix: "")
    }

    /// A GCE name from one CloudStack row alone (an instance's VM, a disk's volume, a snapshot): the CloudStack
    /// name when it is a valid GCE name (everything made through the bridge), else its slug plus `-` and eight
    /// base-36 characters of SHA-256 of the row's UUID, so a slug never takes a name another row holds
    /// (`Web_1` -> `web-1-<8>`, never `web-1`).
    public static func ownName(_ name: String, id: String) -> String {
        isValid(name) ? name : slug(name, suffix: suffix(Array(id.utf8)))
    }

    /// GCE names for a scope's resources, in input order, collisions settled as described above.
    public static func assign(_ entries: [(id: String, name: String)]) -> [String] {
        let plain = entries.map { gceName(for: $0.name) }
        var groups: [String: [Int]] = [:]
        for (index, name) in plain.enumerated() { groups[name, default: []].append(index) }
        var out = plain
        for (name, members) in groups where members.count > 1 {
            let owners = members.filter { entries[$0].name == name }
            let keeper = owners.count == 1 ? owners.first : nil
            for index in members where index != keeper {
                out[index] = slug(entries[index].name, suffix: suffix(Array(entries[index].id.utf8)))
            }
        }
        return out
    }

    /// A lower-case slug of `name`, followed by `-suffix` when a suffix is given; at most 63 characters.
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
        let room = suffix.isEmpty ? 63 : 63 - 1 - suffix.utf8.count
        if out.count > room { out.removeLast(out.count - room) }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return String(decoding: out, as: UTF8.self) + (suffix.isEmpty ? "" : "-" + suffix)
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

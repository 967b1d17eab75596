/// Everything needed to answer for an operation, packed into its name, so any bridge instance can answer
/// `get`/`wait` with no shared state: `op<kind>-j<job>-<target>` for a CloudStack async job, or
/// `op<kind>-d<epoch>-<target>` for a synchronous call that was DONE at once. UUIDs are 26 base-32
/// characters (`[a-z2-7]`), so names stay within Google's 63-character pattern.
struct OperationName: Sendable, Equatable {
    /// The operation's type; the letter is its code in names.
    enum Kind: String, Sendable, CaseIterable {
        case insert = "i", delete = "d", start = "s", stop = "t", reset = "r"
        case setMetadata = "m", setLabels = "l", setTags = "g", setMachineType = "y"
        case setCommonInstanceMetadata = "c", imageInsert = "p", imageDelete = "q"

        /// `operationType` as GCE writes it.
        var operationType: String {
            switch self {
            case .insert, .imageInsert: "insert"
            case .delete, .imageDelete: "delete"
            case .start: "start"
            case .stop: "stop"
            case .reset: "reset"
            case .setMetadata: "setMetadata"
            case .setLabels: "setLabels"
            case .setTags: "setTags"
            case .setMachineType: "setMachineType"
            case .setCommonInstanceMetadata: "setCommonInstanceMetadata"
            }
        }

        /// What the target UUID names.
        var targetIsImage: Bool { self == .imageInsert || self == .imageDelete }
        /// Whether the target is the project (account).
        var targetIsProject: Bool { self == .setCommonInstanceMetadata }
    }

    /// A CloudStack job to ask, or the epoch second a synchronous call finished.
    enum Progress: Sendable, Equatable {
        case job(String)
        case done(Int64)
    }

    var kind: Kind
    var progress: Progress
    var target: String

    var text: String {
        let middle: String
        switch progress {
        case .job(let uuid): middle = "j" + (UUIDText.base32(uuid) ?? "")
        case .done(let epoch): middle = "d" + String(epoch, radix: 36)
        }
        return "op" + kind.rawValue + "-" + middle + "-" + (UUIDText.base32(target) ?? "")
    }

    init(kind: Kind, progress: Progress, target: String) {
        self.kind = kind
        self.progress = progress
        self.target = target
    }

    /// Parses a name made by `text`; nil for anything else (answered 404).
    init?(_ name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 3, parts[0].hasPrefix("op"), let kind = Kind(rawValue: String(parts[0].dropFirst(2))),
            let target = UUIDText.uuid(fromBase32: parts[2]), let tag = parts[1].first
        else { return nil }
        let rest = parts[1].dropFirst()
        switch tag {
        case "j":
            guard let job = UUIDText.uuid(fromBase32: rest) else { return nil }
            progress = .job(job)
        case "d":
            guard let epoch = Int64(rest, radix: 36) else { return nil }
            progress = .done(epoch)
        default:
            return nil
        }
        self.kind = kind
        self.target = target
    }
}

/// UUID text <-> 26 lower-case base-32 characters.
enum UUIDText {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func base32(_ uuid: String) -> String? {
        let hex = uuid.utf8.filter { $0 != UInt8(ascii: "-") }
        guard hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < 32 {
            guard let hi = nibble(hex[index]), let lo = nibble(hex[index + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
            index += 2
        }
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func uuid<S: StringProtocol>(fromBase32 text: S) -> String? {
        guard text.utf8.count == 26 else { return nil }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for char in text.utf8 {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        guard bytes.count == 16, buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// An EC2 id that carries its CloudStack UUID: the kind's prefix plus the UUID's 32 hex digits,
/// lower-case, without dashes (`i-` + `43791f7726f848cab5573a9392f735ae`).
///
/// Reversible without any stored mapping, so ids survive restarts and need no shared state. They
/// are longer than AWS's 17 hex digits; botocore and the AWS CLI treat ids as opaque strings.
public struct EC2ID: Sendable, Hashable, CustomStringConvertible {
    /// The resource kind.
    public let kind: ResourceKind
    /// The 32 lower-case hex digits.
    public let hex: String

    /// The wire form, `prefix` + hex.
    public var description: String { kind.prefix + hex }

    /// The CloudStack UUID, dashed (8-4-4-4-12).
    public var cloudStackUUID: String {
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    private init(kind: ResourceKind, hex: String) {
        self.kind = kind
        self.hex = hex
    }

    /// The EC2 id for a CloudStack UUID, or `nil` if the text is not a UUID.
    public init?(kind: ResourceKind, cloudStackUUID uuid: String) {
        // Read in place and written once: every VM of a DescribeInstances maps five or six UUIDs,
        // and intermediate arrays cost three allocations each.
        var uuid = uuid
        let hex = uuid.withUTF8 { bytes -> String? in
            guard bytes.count == 36 else { return nil }
            var valid = true
            let digits = String(unsafeUninitializedCapacity: 32) { out in
                var count = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        guard byte == UInt8(ascii: "-") else {
                            valid = false
                            return 0
                        }
                        continue
                    }
                    guard let digit = EC2ID.lowerHex(byte) else {
                        valid = false
                        return 0
                    }
                    out[count] = digit
                    count += 1
                }
                return count
            }
            return valid ? digits : nil
        }
        guard let hex else { return nil }
        self.init(kind: kind, hex: hex)
    }

    /// Parses an id the client sent.
    ///
    /// Wrong prefix or shape is the kind's `.Malformed` error. An AWS-shaped id (8 or 17 hex
    /// digits) is well formed but cannot be one of ours, so it is `.NotFound`, as EC2 answers for
    /// an id that does not exist.
    public static func parse(_ text: String, as kind: ResourceKind) throws(EC2Error) -> EC2ID {
        guard text.hasPrefix(kind.prefix) else { throw malformed(text, kind) }
        let digits = Array(text.utf8.dropFirst(kind.prefix.utf8.count))
        let lowered = digits.compactMap(lowerHex)
        guard lowered.count == digits.count else { throw malformed(text, kind) }
        switch digits.count {
        case 32: return EC2ID(kind: kind, hex: String(decoding: lowered, as: UTF8.self))
        case 8, 17: throw EC2Error.notFound(kind, ids: [text])
        default: throw malformed(text, kind)
        }
    }

    private static func malformed(_ text: String, _ kind: ResourceKind) -> EC2Error {
        EC2Error(code: kind.malformedCode, message: "Invalid id: \"\(text)\" (expecting \"\(kind.prefix)...\")")
    }

    private static func lowerHex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte + 32
        default: nil
        }
    }
}

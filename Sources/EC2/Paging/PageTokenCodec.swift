import Crypto

/// Issues and checks `NextToken`s: opaque, tamper-evident, bound to one action and query.
///
/// Token = base64url(version ‖ offset (8 bytes) ‖ key length (2) ‖ key ‖ key present (1) ‖ tag), where tag is
/// the first 16 bytes of HMAC-SHA256(secret, version ‖ scope ‖ 0x00 ‖ payload); version 2 adds the items of the
/// key's row already returned (4 bytes) after the key-present byte, and is issued only when there are some, so
/// every other token is byte for byte what version 1 was. `scope` names the
/// action and whatever else must not change between pages (filters, owner), so a token from
/// another action, another query, another gateway (another secret) or an edited token is refused.
public struct PageTokenCodec: Sendable {
    private static let version: UInt8 = 1
    private static let versionWithTaken: UInt8 = 2
    private static let tagLength = 16
    private let secret: [UInt8]

    /// Creates a codec with the start-up secret (at least 16 bytes; e.g. `SecureRandom.bytes(32)`).
    public init(secret: [UInt8]) {
        precondition(secret.count >= 16, "page token secret too short")
        self.secret = secret
    }

    /// The token for `position` within `scope`.
    public func encode(_ position: PagePosition, scope: String) -> String {
        let taken = UInt32(clamping: position.taken)
        var payload: [UInt8] = [taken == 0 ? PageTokenCodec.version : PageTokenCodec.versionWithTaken]
        let offset = UInt64(max(0, position.offset))
        for shift in stride(from: 56, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: offset >> UInt64(shift))) }
        let key = Array((position.afterKey ?? "").utf8.prefix(Int(UInt16.max)))
        payload.append(UInt8(key.count >> 8))
        payload.append(UInt8(key.count & 0xFF))
        payload.append(contentsOf: key)
        payload.append(UInt8(position.afterKey == nil ? 0 : 1))
        if taken > 0 {
            for shift in stride(from: 24, through: 0, by: -8) { payload.append(UInt8(truncatingIfNeeded: taken >> UInt32(shift))) }
        }
        payload.append(contentsOf: tag(payload, scope: scope))
        return Base64.encode(payload, urlSafe: true, padding: false)
    }

    /// The position in `token`, or `error` if it was not issued by this codec for `scope`.
    public func decode(_ token: String, scope: String, error: EC2Error = .invalidNextToken()) throws(EC2Error) -> PagePosition {
        guard token.utf8.count <= 4096, token.utf8.allSatisfy(PageTokenCodec.isURLSafeBase64),
            let bytes = Base64.decode(token), bytes.count >= 1 + 8 + 2 + 1 + PageTokenCodec.tagLength,
            bytes[0] == PageTokenCodec.version || bytes[0] == PageTokenCodec.versionWithTaken
        else { throw error }
        let payload = Array(bytes.dropLast(PageTokenCodec.tagLength))
        guard ConstantTime.equals(bytes.suffix(PageTokenCodec.tagLength), tag(payload, scope: scope)) else { throw error }
        var offset: UInt64 = 0
        for i in 1...8 { offset = offset << 8 | UInt64(payload[i]) }
        let keyLength = Int(payload[9]) << 8 | Int(payload[10])
        let takenLength = payload[0] == PageTokenCodec.versionWithTaken ? 4 : 0
        guard payload.count == 11 + keyLength + 1 + takenLength, offset <= UInt64(Int.max),
            let key = String(validating: payload[11..<(11 + keyLength)], as: UTF8.self)
        else { throw error }
        var taken: UInt32 = 0
        for byte in payload.suffix(takenLength) { taken = taken << 8 | UInt32(byte) }
        guard takenLength == 0 || taken > 0 else { throw error }
        return PagePosition(offset: Int(offset), afterKey: payload[11 + keyLength] == 1 ? key : nil, taken: Int(taken))
    }

    private func tag(_ payload: [UInt8], scope: String) -> ArraySlice<UInt8> {
        var message: [UInt8] = [payload.first ?? PageTokenCodec.version]
        message.append(contentsOf: scope.utf8)
        message.append(0)
        message.append(contentsOf: payload)
        return HMAC.authenticate(.sha256, key: secret, message: message).prefix(PageTokenCodec.tagLength)
    }

    private static func isURLSafeBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}

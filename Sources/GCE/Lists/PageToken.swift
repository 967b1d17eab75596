import Crypto

/// A list's `pageToken`: opaque and authenticated, bound to who asked for which list with which filter and order.
///
/// Wire form: unpadded base64url of version (1 byte) ‖ offset (8 bytes, big-endian) ‖ tag (16 bytes), where tag is
/// the first 16 bytes of HMAC-SHA256 under a key derived from the GCE token key over the version, the binding's
/// parts (caller, list) and the query's (filter, orderBy), each length-prefixed, and the offset. A token edited,
/// issued to another caller, for another method or scope, with another filter or order, or by a bridge with
/// another key is refused with the same 400 as a malformed one, saying nothing of why.
struct PageToken {
    private static let version: UInt8 = 1
    private static let tagLength = 16
    private static let wireLength = 1 + 8 + tagLength
    private let offsetBytes: ArraySlice<UInt8>
    private let tagBytes: ArraySlice<UInt8>
    private let text: String

    /// Who asks for which list: the caller's CloudStack API key and the list's kind and collection (its method
    /// and scope, e.g. `compute#instanceList` in `zones/z1/instances`), with the key tokens are sealed under.
    struct Binding {
        let key: [UInt8]
        let caller: String
        let list: String

        /// The binding for `kind` over `collection`, keyed from the GCE token key.
        init(tokenKey: [UInt8], caller: String, kind: StaticString, collection: String) {
            // A key of its own, so no page token is ever a MAC a bearer token (AES-GCM under `tokenKey`) could reuse.
            key = HMAC.authenticate(.sha256, key: tokenKey, message: Array("stackbridge-gce-page-token/1".utf8))
            self.caller = caller
            list = "\(kind) \(collection)"
        }
    }

    /// Parses the wire form; nil when it is not a token of this shape (its tag is checked by `offset`).
    init?(_ text: String) {
        guard text.utf8.count < 64, let bytes = Base64.decode(text), bytes.count == Self.wireLength, bytes[0] == Self.version
        else { return nil }
        offsetBytes = bytes[1..<9]
        tagBytes = bytes[9...]
        self.text = text
    }

    /// The offset this token carries, if it was issued under `binding` for `query`; else the 400 for a bad token.
    func offset(_ binding: Binding, query: [String]) throws(GCEError) -> Int {
        guard ConstantTime.equals(tagBytes, Self.tag(Array(offsetBytes), binding, query: query)) else { throw Self.invalid(text) }
        var value: UInt64 = 0
        for byte in offsetBytes { value = value << 8 | UInt64(byte) }
        guard value <= UInt64(Int32.max) else { throw Self.invalid(text) }
        return Int(value)
    }

    /// The token for the page starting at `offset`.
    static func issue(offset: Int, _ binding: Binding, query: [String]) -> String {
        let value = UInt64(max(0, offset))
        var offsetBytes: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) { offsetBytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        var bytes = [version] + offsetBytes
        bytes.append(contentsOf: tag(offsetBytes, binding, query: query))
        return Base64.encode(bytes, urlSafe: true, padding: false)
    }

    /// Google's answer to a page token it did not issue for this request.
    static func invalid(_ text: String) -> GCEError {
        GCEError.invalid("Invalid value for field 'pageToken': '\(text.prefix(64))'")
    }

    private static func tag(_ offsetBytes: [UInt8], _ binding: Binding, query: [String]) -> ArraySlice<UInt8> {
        var message: [UInt8] = [version]
        for part in [binding.caller, binding.list] + query {
            let bytes = Array(part.utf8)
            let count = UInt32(clamping: bytes.count)
            for shift in stride(from: 24, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
            message.append(contentsOf: bytes)
        }
        message.append(contentsOf: offsetBytes)
        return HMAC.authenticate(.sha256, key: binding.key, message: message).prefix(tagLength)
    }
}

import Crypto

/// A list's `pageToken`: opaque and authenticated, bound to who asked for which list with which filter and order.
///
/// Wire form: unpadded base64url of version (1 byte) ‖ offset (8 bytes, big-endian) ‖ key length (1 byte) ‖ key
/// (at most 64 bytes: the UUID of the last CloudStack row read, for lists cut from CloudStack's pages; empty for
/// lists cut from a whole list) ‖ tag (16 bytes), where tag is the first 16 bytes of HMAC-SHA256 under a key derived
/// from the GCE token key over the version, the binding's parts (caller, list) and the query's (filter, orderBy),
/// each length-prefixed, and the offset and key. A token edited,
/// issued to another caller, for another method or scope, with another filter or order, or by a bridge with
/// another key is refused with the same 400 as a malformed one, saying nothing of why.
struct PageToken {
    private static let version: UInt8 = 2
    private static let tagLength = 16
    private static let maxKeyLength = 64
    /// Version, offset, key length, key and tag: what the tag covers is everything before it.
    private let payload: ArraySlice<UInt8>
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

    /// Parses the wire form; nil when it is not a token of this shape (its tag is checked by `position`).
    init?(_ text: String) {
        guard text.utf8.count < 160, let bytes = Base64.decode(text), bytes.count >= 1 + 8 + 1 + Self.tagLength,
            bytes[0] == Self.version, Int(bytes[9]) <= Self.maxKeyLength, bytes.count == 1 + 8 + 1 + Int(bytes[9]) + Self.tagLength
        else { return nil }
        payload = bytes[..<(bytes.count - Self.tagLength)]
        tagBytes = bytes[(bytes.count - Self.tagLength)...]
        self.text = text
    }

    /// Where the next page starts: the offset, and the last CloudStack row read (nil for a whole-list offset).
    struct Position: Equatable {
        let offset: Int
        let lastID: String?
    }

    /// The position this token carries, if it was issued under `binding` for `query`; else the 400 for a bad token.
    func position(_ binding: Binding, query: [String]) throws(GCEError) -> Position {
        guard ConstantTime.equals(tagBytes, Self.tag(Array(payload), binding, query: query)) else { throw Self.invalid(text) }
        let start = payload.startIndex
        var value: UInt64 = 0
        for byte in payload[(start + 1)..<(start + 9)] { value = value << 8 | UInt64(byte) }
        guard value <= UInt64(Int32.max) else { throw Self.invalid(text) }
        let key = payload[(start + 10)...]
        guard let lastID = String(validating: key, as: UTF8.self) else { throw Self.invalid(text) }
        return Position(offset: Int(value), lastID: key.isEmpty ? nil : lastID)
    }

    /// The offset this token carries (a whole-list position), if it was issued under `binding` for `query`.
    func offset(_ binding: Binding, query: [String]) throws(GCEError) -> Int { try position(binding, query: query).offset }

    /// The token for the page starting at `offset` (after the CloudStack row `lastID`, when the list is cut from
    /// CloudStack's pages; an id longer than 64 bytes is not kept, and the walk then resumes by offset alone).
    static func issue(offset: Int, lastID: String? = nil, _ binding: Binding, query: [String]) -> String {
        let value = UInt64(max(0, offset))
        var bytes: [UInt8] = [version]
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        let key = lastID.map { Array($0.utf8) }.flatMap { $0.count <= maxKeyLength ? $0 : nil } ?? []
        bytes.append(UInt8(key.count))
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: tag(bytes, binding, query: query))
        return Base64.encode(bytes, urlSafe: true, padding: false)
    }

    /// Google's answer to a page token it did not issue for this request.
    static func invalid(_ text: String) -> GCEError {
        GCEError.invalid("Invalid value for field 'pageToken': '\(text.prefix(64))'")
    }

    private static func tag(_ payload: [UInt8], _ binding: Binding, query: [String]) -> ArraySlice<UInt8> {
        var message: [UInt8] = [version]
        for part in [binding.caller, binding.list] + query {
            let bytes = Array(part.utf8)
            let count = UInt32(clamping: bytes.count)
            for shift in stride(from: 24, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
            message.append(contentsOf: bytes)
        }
        message.append(contentsOf: payload)
        return HMAC.authenticate(.sha256, key: binding.key, message: message).prefix(tagLength)
    }
}

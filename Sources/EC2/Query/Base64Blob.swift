import Crypto

/// A base64-encoded parameter such as `UserData`, decoded; bad base64 is `InvalidParameterValue`.
///
/// Strict standard alphabet (RFC 4648 §4) with correct `=` padding; line breaks are allowed, as
/// tools that wrap base64 at 76 columns produce them.
public struct Base64Blob: Decodable, Sendable, Equatable {
    /// The decoded bytes.
    public let bytes: [UInt8]
    /// The text as received (still base64), for passing on to CloudStack unchanged.
    public let encoded: String

    /// Decodes `text`, or returns `nil` if it is not strict standard base64.
    public init?(base64 text: String) {
        var compact: [UInt8] = []
        compact.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
            compact.append(byte)
        }
        guard compact.count % 4 == 0 else { return nil }
        var padding = 0
        for byte in compact {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                if padding > 0 { return nil }
            case UInt8(ascii: "="):
                padding += 1
            default:
                return nil
            }
        }
        guard padding <= 2, let bytes = Base64.decode(String(decoding: compact, as: UTF8.self)) else { return nil }
        self.bytes = bytes
        self.encoded = String(decoding: compact, as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let blob = Base64Blob(base64: text) else {
            let name = decoder.codingPath.map(\.stringValue).joined(separator: ".")
            throw EC2Error.invalidParameterValue("Invalid BASE64 encoding of \(name == "UserData" ? "user data" : name).")
        }
        self = blob
    }
}

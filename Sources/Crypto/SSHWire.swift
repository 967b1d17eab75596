/// The SSH wire encodings (RFC 4251 §5) needed to build and read public key blobs.
public enum SSHWire {
    /// Appends a `string`: 4-byte big-endian length, then the bytes.
    public static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        let count = UInt32(bytes.count)
        out.append(contentsOf: [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)])
        out.append(contentsOf: bytes)
    }

    /// Appends an `mpint` from unsigned big-endian magnitude bytes (a 0 byte keeps it positive).
    public static func appendMPInt(_ magnitude: [UInt8], to out: inout [UInt8]) {
        var bytes = Array(magnitude.drop { $0 == 0 })
        if let first = bytes.first, first & 0x80 != 0 { bytes.insert(0, at: 0) }
        appendString(bytes, to: &out)
    }

    /// Reads the `string` fields of a blob in order; `nil` when a length runs past the end.
    public static func strings(_ blob: [UInt8]) -> [[UInt8]]? {
        var fields: [[UInt8]] = []
        var index = 0
        while index < blob.count {
            guard index + 4 <= blob.count else { return nil }
            let length = Int(blob[index]) << 24 | Int(blob[index + 1]) << 16 | Int(blob[index + 2]) << 8 | Int(blob[index + 3])
            index += 4
            guard length <= blob.count - index else { return nil }
            fields.append(Array(blob[index..<index + length]))
            index += length
        }
        return fields
    }
}

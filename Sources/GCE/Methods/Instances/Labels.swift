/// GCE label rules: keys `[a-z][a-z0-9_-]{0,62}`, values `[a-z0-9_-]{0,63}`, at most 64 labels.
enum Labels {
    static func validate(_ labels: [(key: String, value: String)]) throws(GCEError) {
        guard labels.count <= 64 else { throw GCEError.invalid("At most 64 labels are allowed") }
        for (key, value) in labels {
            let keyBytes = Array(key.utf8)
            guard let first = keyBytes.first, first >= 0x61, first <= 0x7A, keyBytes.count <= 63, keyBytes.allSatisfy(allowed),
                !key.hasPrefix("gce-")
            else { throw GCEError.invalid("Invalid value for field 'labels': '\(key)'") }
            guard value.utf8.count <= 63, value.utf8.allSatisfy(allowed) else {
                throw GCEError.invalid("Invalid value for field 'labels.\(key)': '\(value)'")
            }
        }
    }

    private static func allowed(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }
}

/// The `ssh-keys` metadata value, read in `decode`: one `user:ssh-<type> <key> [comment]` per line.
struct SSHKeys: Sendable {
    /// Each line's key type and base64 key, in order.
    let keys: [(type: String, key: String)]

    /// No keys.
    static let none = SSHKeys(keys: [])

    private init(keys: [(type: String, key: String)]) { self.keys = keys }

    /// Parses the value; 400 for a line that is not a key.
    init(_ value: String) throws(GCEError) {
        var keys: [(type: String, key: String)] = []
        for line in value.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let text = String(line).trimmingSpaces
            guard !text.isEmpty else { continue }
            var key = Substring(text)
            if let colon = text.firstIndex(of: ":"), !text[..<colon].contains(" ") { key = text[text.index(after: colon)...] }
            let fields = key.split(separator: " ")
            guard fields.count >= 2, fields[0].hasPrefix("ssh-") || fields[0].hasPrefix("ecdsa-") else {
                throw GCEError.invalid("Invalid value for metadata 'ssh-keys': each line must be 'user:ssh-<type> <key> [comment]'")
            }
            keys.append((String(fields[0]), String(fields[1])))
        }
        self.keys = keys
    }

    /// The `ssh-keys` item of metadata items (none when absent).
    init(items: [(key: String, value: String)]) throws(GCEError) {
        guard let value = items.first(where: { $0.key == "ssh-keys" })?.value else {
            self = .none
            return
        }
        try self.init(value)
    }
}

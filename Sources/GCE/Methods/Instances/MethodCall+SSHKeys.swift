import CloudStack

extension MethodCall {
    /// Registers each `user:ssh-… key comment` line as a CloudStack key pair named `<prefix><hash of key>` (kept
    /// when it exists already) and returns the names.
    func registerKeys(_ value: String, prefix: String) async throws(GCEError) -> [String] {
        var names: [String] = []
        guard value.contains(where: { !$0.isWhitespace }) else { return names }
        let existing = Set(try await listAll(CommandTable.listSSHKeyPairs).compactMap(\.name))
        for line in value.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let text = String(line).trimmingSpaces
            guard !text.isEmpty else { continue }
            var key = text
            if let colon = text.firstIndex(of: ":"), !text[..<colon].contains(" ") { key = String(text[text.index(after: colon)...]) }
            let fields = key.split(separator: " ")
            guard fields.count >= 2, fields[0].hasPrefix("ssh-") || fields[0].hasPrefix("ecdsa-") else {
                throw GCEError.invalid("Invalid value for metadata 'ssh-keys': each line must be 'user:ssh-<type> <key> [comment]'")
            }
            let name = prefix + ResourceNames.suffix(Array(fields[1].utf8))
            if !existing.contains(name) {
                _ = try await call(CommandTable.registerSSHKeyPair, ["name": name, "publickey": fields[0] + " " + fields[1]])
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The key pairs project metadata registered (`gce-p-*`), which every new instance receives.
    func projectKeyPairs() async throws(GCEError) -> [String] {
        try await listAll(CommandTable.listSSHKeyPairs).compactMap(\.name).filter { $0.hasPrefix("gce-p-") }.sorted()
    }
}

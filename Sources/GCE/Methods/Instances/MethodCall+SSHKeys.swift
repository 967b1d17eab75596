import CloudStack

extension MethodCall {
    /// Registers each key as a CloudStack key pair named `<prefix><hash of key>` (kept when it exists already) and
    /// returns the names.
    func registerKeys(_ keys: SSHKeys, prefix: String) async throws(GCEError) -> [String] {
        var names: [String] = []
        guard !keys.keys.isEmpty else { return names }
        let existing = Set(try await listAll(CommandTable.listSSHKeyPairs).compactMap(\.name))
        for (type, key) in keys.keys {
            let name = prefix + ResourceNames.suffix(Array(key.utf8))
            if !existing.contains(name) {
                _ = try await call(CommandTable.registerSSHKeyPair, ["name": name, "publickey": type + " " + key])
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

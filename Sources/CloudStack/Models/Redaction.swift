// Secrets never reach a log line: the models that can carry one (`privatekey`, `secretkey`) describe and
// reflect themselves without it, so `"\(value)"`, `String(reflecting:)` and `dump` are all safe.

extension SSHKeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Name and fingerprint; `privatekey` redacted.
    public var description: String {
        "SSHKeyPair(name: \(name ?? "nil"), fingerprint: \(fingerprint ?? "nil"), privatekey: \(privatekey == nil ? "nil" : "<redacted>"))"
    }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror without the private key.
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id as Any, "name": name as Any, "fingerprint": fingerprint as Any, "account": account as Any])
    }
}

extension User: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Id, user name and API key; `secretkey` redacted.
    public var description: String {
        "User(id: \(id ?? "nil"), username: \(username ?? "nil"), apikey: \(apikey ?? "nil"), secretkey: \(secretkey == nil ? "nil" : "<redacted>"))"
    }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror without the secret key.
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id as Any, "username": username as Any, "account": account as Any, "apikey": apikey as Any])
    }
}

extension UserKeys: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The API key; `secretkey` redacted.
    public var description: String { "UserKeys(apikey: \(apikey ?? "nil"), secretkey: \(secretkey == nil ? "nil" : "<redacted>"))" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror without the secret key.
    public var customMirror: Mirror { Mirror(self, children: ["apikey": apikey as Any]) }
}

/// An end user's CloudStack API key pair; every request is signed with the caller's own pair.
///
/// `description`, `debugDescription` and reflection (`dump`) show the API key only, never the secret.
public struct CloudStackCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The `apiKey` parameter value.
    public var apiKey: String
    /// The secret key that keys the HMAC-SHA1 signature.
    public var secretKey: String

    /// Creates a key pair.
    public init(apiKey: String, secretKey: String) {
        self.apiKey = apiKey
        self.secretKey = secretKey
    }

    /// The API key with the secret redacted.
    public var description: String { "CloudStackCredentials(apiKey: \(apiKey), secretKey: <redacted>)" }

    /// Same as `description`: the secret never reaches a log line.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump` cannot print it.
    public var customMirror: Mirror { Mirror(self, children: ["apiKey": apiKey, "secretKey": "<redacted>"]) }
}

/// CloudStack tags the gateway sets on VMs to keep EC2 facts CloudStack has no field for.
///
/// They are hidden from `tagSet` and refused in CreateTags-style input; `aws:` is AWS's reserved
/// prefix, so these use the gateway's own.
enum InternalTags {
    /// The reservation a VM was launched in.
    static let reservation = "stackbridge:reservation-id"
    /// The RunInstances client token, for idempotency across gateway instances and restarts.
    static let clientToken = "stackbridge:client-token"
    /// The prefix of every internal tag.
    static let prefix = "stackbridge:"

    /// Whether a tag key is internal.
    static func isInternal(_ key: String) -> Bool { key.hasPrefix(prefix) }
}

/// CloudStack tags the gateway sets on VMs and volumes to keep EC2 facts CloudStack has no field for.
///
/// They are hidden from `tagSet` and refused in CreateTags-style input; `aws:` is AWS's reserved
/// prefix, so these use the gateway's own.
enum InternalTags {
    /// The reservation a VM was launched in.
    static let reservation = "stackbridge:reservation-id"
    /// The RunInstances client token, for idempotency across gateway instances and restarts.
    static let clientToken = "stackbridge:client-token"
    /// On a data volume: `true` when TerminateInstances deletes it with its instance (EC2's
    /// `DeleteOnTermination`; CloudStack keeps data disks unless `destroyVirtualMachine volumeids` names them).
    static let deleteOnTermination = "stackbridge:delete-on-termination"
    /// On a volume: the EC2 volume type it was created or modified with, when its disk offering backs several.
    static let volumeType = "stackbridge:volume-type"
    /// The prefix of every internal tag.
    static let prefix = "stackbridge:"

    /// Whether a tag key is internal.
    static func isInternal(_ key: String) -> Bool { key.hasPrefix(prefix) }
}

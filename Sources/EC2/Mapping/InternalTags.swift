/// CloudStack tags the gateway sets on VMs, volumes, snapshots and templates to keep EC2 facts CloudStack has no field for.
///
/// They are hidden from `tagSet` and refused in CreateTags-style input; `aws:` is AWS's reserved
/// prefix, so these use the gateway's own.
enum InternalTags {
    /// The reservation a VM was launched in.
    static let reservation = "stackbridge:reservation-id"
    /// The RunInstances client token, for idempotency across gateway instances and restarts.
    static let clientToken = "stackbridge:client-token"
    /// On a snapshot CreateImage took: the image's `Name` (the snapshot is the image until its template exists).
    static let imageName = "stackbridge:image-name"
    /// On such a snapshot: the image's `Description`.
    static let imageDescription = "stackbridge:image-description"
    /// On such a snapshot: the CloudStack OS type id the template gets.
    static let imageOSType = "stackbridge:image-ostype"
    /// On such a snapshot: the instance the image was made from.
    static let imageInstance = "stackbridge:image-instance"
    /// On such a snapshot: the prefix of the image's own tags (`TagSpecification` of type `image`), copied to the template.
    static let imageTagPrefix = "stackbridge:image-tag:"
    /// On such a snapshot: set by the one gateway that creates the template (CloudStack refuses a second tag with a key).
    static let imageClaim = "stackbridge:image-claim"
    /// On such a snapshot: the UUID of the template created from it.
    static let imageTemplate = "stackbridge:image-template"
    /// On a template: the image id answered for it when that is not the template's own (`ami-` + the snapshot's hex).
    static let imageID = "stackbridge:image-id"
    /// On a template: the snapshot its root disk was made from (`snap-…`), for `blockDeviceMapping`.
    static let snapshotID = "stackbridge:snapshot-id"
    /// On a data volume: `true` when TerminateInstances deletes it with its instance (EC2's
    /// `DeleteOnTermination`; CloudStack keeps data disks unless `destroyVirtualMachine volumeids` names them).
    static let deleteOnTermination = "stackbridge:delete-on-termination"
    /// On a volume: the EC2 volume type it was created or modified with, when its disk offering backs several.
    static let volumeType = "stackbridge:volume-type"
    /// On a public IP address: the instance (`i-…`) RunInstances acquired it for (`AssociatePublicIpAddress`);
    /// TerminateInstances releases such an address, while a user's Elastic IP is only disassociated.
    static let autoPublicIP = "stackbridge:auto-public-ip"
    /// The prefix of every internal tag.
    static let prefix = "stackbridge:"

    /// Whether a tag key is internal.
    static func isInternal(_ key: String) -> Bool { key.hasPrefix(prefix) }
}

import Synchronization

/// Counts the changes the bridge itself makes to one kind of CloudStack resource, so that a list the `Catalog`
/// remembers is not used once the bridge has changed such a resource since it was read
/// (`docs/decisions/0010-shared-catalog.md`): guest networks and VPCs (`networks`), volumes and what moves them
/// (`volumes`).
///
/// One counter for every caller: such changes are rare next to reads, and forgetting every caller's list is always
/// safe.
public final class ResourceChanges: Sendable {
    private let count = Atomic<UInt64>(0)
    /// The job classes (`…Cmd` without the package and `Cmd`) whose finished jobs count as a change.
    private let jobClasses: Set<String>

    init(jobClasses: Set<String>) { self.jobClasses = jobClasses }

    /// A counter for guest network and VPC changes.
    public static func networks() -> ResourceChanges { ResourceChanges(jobClasses: networkJobClasses) }

    /// A counter for volume changes: made, deleted, attached, detached, resized or moved with their VM.
    public static func volumes() -> ResourceChanges { ResourceChanges(jobClasses: volumeJobClasses) }

    /// How many changes were recorded so far.
    public var current: UInt64 { count.load(ordering: .acquiring) }

    /// Records one change (or one that may have happened: a command sent, whatever its outcome).
    public func record() { count.wrappingAdd(1, ordering: .releasing) }

    /// The commands that create, delete or update a guest network or VPC.
    static let networkCommands: Set<String> = ["createNetwork", "deleteNetwork", "updateNetwork", "createVPC", "deleteVPC", "updateVPC"]

    /// The commands that change which volumes exist, their size, state or VM.
    static let volumeCommands: Set<String> = [
        "createVolume", "deleteVolume", "attachVolume", "detachVolume", "resizeVolume", "migrateVolume", "uploadVolume",
        "updateVolume", "changeOfferingForVolume", "revertSnapshot", "deployVirtualMachine", "destroyVirtualMachine",
        "expungeVirtualMachine", "recoverVirtualMachine", "restoreVirtualMachine", "assignVirtualMachine",
        "migrateVirtualMachineWithVolume",
    ]

    private static let networkJobClasses: Set<String> = [
        "CreateNetwork", "DeleteNetwork", "UpdateNetwork", "CreateVPC", "DeleteVPC", "UpdateVPC",
    ]
    private static let volumeJobClasses: Set<String> = [
        "CreateVolume", "DeleteVolume", "AttachVolume", "DetachVolume", "ResizeVolume", "MigrateVolume", "UploadVolume",
        "ChangeOfferingForVolume", "RevertSnapshot", "DeployVM", "DestroyVM", "ExpungeVM", "RestoreVM",
        "MigrateVirtualMachineWithVolume",
    ]

    /// Whether a finished async job ran one of this kind's commands: its `cmd` is the Java class, e.g.
    /// `org.apache.cloudstack.api.command.user.vpc.CreateVPCCmd` (an administrator's `…CmdByAdmin`).
    public func isJob(_ cmd: String?) -> Bool {
        guard let cmd else { return false }
        var name = Substring(cmd.split(separator: ".").last ?? "")
        if name.hasSuffix("ByAdmin") { name = name.dropLast("ByAdmin".count) }
        guard name.hasSuffix("Cmd") else { return false }
        name = name.dropLast(3)
        return jobClasses.contains(String(name))
    }
}

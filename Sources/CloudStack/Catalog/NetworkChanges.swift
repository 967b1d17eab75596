import Synchronization

/// Counts the changes the bridge itself makes to guest networks and VPCs, so that a network list the `Catalog`
/// remembers is not used once the bridge has created, deleted or updated a network or VPC since it was read
/// (`docs/decisions/0010-shared-catalog.md`).
///
/// One counter for every caller: such changes are rare, and forgetting every caller's list is always safe.
public final class NetworkChanges: Sendable {
    private let count = Atomic<UInt64>(0)

    /// No change yet.
    public init() {}

    /// How many changes were recorded so far.
    public var current: UInt64 { count.load(ordering: .acquiring) }

    /// Records one change (or one that may have happened: a command sent, whatever its outcome).
    public func record() { count.wrappingAdd(1, ordering: .releasing) }

    /// The commands that create, delete or update a guest network or VPC.
    static let commands: Set<String> = ["createNetwork", "deleteNetwork", "updateNetwork", "createVPC", "deleteVPC", "updateVPC"]

    /// Whether a finished async job ran one of `commands`: its `cmd` is the Java class, e.g.
    /// `org.apache.cloudstack.api.command.user.vpc.CreateVPCCmd` (an administrator's `…CmdByAdmin`).
    static func isNetworkJob(_ cmd: String?) -> Bool {
        guard let cmd else { return false }
        var name = Substring(cmd.split(separator: ".").last ?? "")
        if name.hasSuffix("ByAdmin") { name = name.dropLast("ByAdmin".count) }
        guard name.hasSuffix("Cmd") else { return false }
        name = name.dropLast(3)
        return jobClasses.contains(String(name))
    }

    private static let jobClasses: Set<String> = ["CreateNetwork", "DeleteNetwork", "UpdateNetwork", "CreateVPC", "DeleteVPC", "UpdateVPC"]
}

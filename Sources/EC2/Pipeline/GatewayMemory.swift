import CloudStack
public import Pipeline
import Synchronization

/// What one gateway process remembers between requests: bounded caches with a time-to-live.
///
/// Nothing here is needed for correctness across gateways: client tokens are also kept as
/// CloudStack tags, and a terminated instance that is forgotten simply stops being listed.
public final class GatewayMemory: Sendable {
    /// RunInstances client tokens: `accessKey/token` to the instance ids launched.
    let clientTokens: TTLCache<String, [String]>
    /// Instances terminated here: `accessKey/instanceId` to their last view, shown as `terminated`
    /// for an hour as EC2 does (CloudStack hides destroyed VMs from their owners at once).
    let terminated: TTLCache<String, InstanceView>
    /// Images deregistered here: `accessKey/imageId`. CloudStack lists a template until its delete job
    /// ends; EC2 stops listing it at once and answers a DescribeImages by its id with an empty list.
    let deregisteredImages: TTLCache<String, Bool>
    /// Snapshots deleted here: `accessKey/snapshotId`, hidden and answered empty in the same way.
    let deletedSnapshots: TTLCache<String, Bool>
    /// VPN connections deleted here: `accessKey/vpnConnectionId` to their last view, answered `deleted`
    /// (CloudStack forgets them at once; EC2 lists them as deleted for a while).
    let deletedVpnConnections: TTLCache<String, VpnConnectionView>
    /// How long deregistered images and deleted snapshots stay hidden rather than not found.
    let deletedTTL: Int64 = 3600
    /// Root volumes by VM id: a VM keeps its root volume for life (short of a reinstall), so
    /// DescribeInstances lists volumes only for VMs it has not seen in the last ten minutes.
    let rootVolumes: RootVolumeMemo
    /// How long a root volume is remembered.
    let rootVolumeTTL: Int64 = 600
    /// Each caller's data volumes by VM id (DescribeInstances' `blockDeviceMapping` for all its VMs), by API key:
    /// remembered for `dataVolumeTTL`, never while the caller's own volume changes settle (`volumeChanges`).
    let dataVolumes: TTLCache<String, [String: [InstanceBlockDeviceMappingView]]>
    /// How long a caller's data volumes are remembered: changes made outside this bridge show within it.
    let dataVolumeTTL: Int64 = 10
    /// Callers that attached, detached, deleted or launched volumes here lately: their data volumes are read
    /// fresh until the jobs have surely ended.
    let volumeChanges: TTLCache<String, Bool>
    /// How long after a volume change data volumes are read fresh.
    let volumeChangeTTL: Int64 = 300
    /// Volume attach, detach and modify jobs submitted here, by CloudStack volume id (`VolumeJob`).
    let volumeJobs: TTLCache<String, VolumeJob>
    /// Volume modifications, by CloudStack volume id: DescribeVolumesModifications' history.
    let volumeModifications: TTLCache<String, VolumeJob>
    /// How long volume jobs and modifications are remembered.
    let volumeJobTTL: Int64 = 86_400
    /// CreateVolume client tokens: `accessKey/token` to the volume id (also kept as a volume tag).
    let volumeTokens: TTLCache<String, String>
    /// Client tokens whose RunInstances is still deploying here, so a concurrent retry waits for it
    /// instead of launching a second time.
    let launching = Mutex<Set<String>>([])
    /// How long client tokens are remembered.
    let clientTokenTTL: Int64
    /// How long terminated instances stay visible.
    let terminatedTTL: Int64 = 3600
    /// Tags whose createTags job was still running when the request answered, shown until CloudStack shows them.
    let pendingTags: PendingTags
    /// How long a tag job is waited for before its tags are answered from `pendingTags` instead.
    let tagJobWaitNanos: UInt64 = 10 * Clock.nanosPerSecond

    /// Creates empty caches on `clock`.
    public init(clock: Clock, clientTokenTTL: Int64) {
        clientTokens = TTLCache(capacity: 100_000, clock: clock)
        terminated = TTLCache(capacity: 100_000, clock: clock)
        deregisteredImages = TTLCache(capacity: 100_000, clock: clock)
        deletedSnapshots = TTLCache(capacity: 100_000, clock: clock)
        deletedVpnConnections = TTLCache(capacity: 10_000, clock: clock)
        rootVolumes = RootVolumeMemo(capacity: 100_000, clock: clock)
        dataVolumes = TTLCache(capacity: 10_000, clock: clock)
        volumeChanges = TTLCache(capacity: 10_000, clock: clock)
        pendingTags = PendingTags(clock: clock)
        volumeJobs = TTLCache(capacity: 100_000, clock: clock)
        volumeModifications = TTLCache(capacity: 100_000, clock: clock)
        volumeTokens = TTLCache(capacity: 100_000, clock: clock)
        self.clientTokenTTL = clientTokenTTL
    }

    /// `caller` changed which volumes are attached where: its next DescribeInstances reads them fresh.
    func volumesChanged(by caller: String) {
        dataVolumes.remove(caller)
        volumeChanges.store(true, for: caller, ttl: volumeChangeTTL)
    }
}

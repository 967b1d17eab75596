public import Pipeline

/// What EC2 and GCE both look up on most requests and CloudStack rarely changes: each caller's zones, regions and
/// disk offerings, remembered under one policy on one clock, shared by both APIs (`docs/decisions/0010-shared-catalog.md`).
///
/// Keyed by the caller's CloudStack API key: what a caller sees depends on its domain and account. No EC2 action or
/// GCE method changes zones, regions or disk offerings, so those need no invalidating. Guest networks and VPCs are kept
/// for the links of an instance view only, and a list is not used once the bridge has changed a network or VPC since
/// it was read (`ResourceChanges`); a caller that finds a network missing asks for a fresh one. A zone's volumes are
/// kept the same way for GCE's instance lists (their disks), for `volumeTTLSeconds` only, and not once the bridge has
/// changed a volume since they were read. Templates and compute
/// offerings are not kept: images change with CreateImage, images.insert and deregistrations here and elsewhere and must
/// show at once, and compute offerings are read only where an instance is made or resized.
public final class Catalog: Sendable {
    /// The cache policy.
    public let policy: CatalogPolicy
    private let client: CloudStackClient
    private let zoneLists: SingleFlightCache<String, [Zone]>
    private let regionLists: SingleFlightCache<String, [Region]>
    private let diskOfferingLists: SingleFlightCache<DiskOfferingKey, [DiskOffering]>
    private let networkViews: SingleFlightCache<NetworkKey, Stamped>
    private let volumeViews: SingleFlightCache<VolumeKey, Stamped>

    /// Seconds a zone's volumes are kept: changes made outside the bridge show in instance lists within this.
    public static let volumeTTLSeconds: Int64 = 10

    private struct VolumeKey: Hashable, Sendable {
        var apiKey: String
        var zoneID: String
    }

    private struct NetworkKey: Hashable, Sendable {
        var apiKey: String
        var withVPCs: Bool
    }

    /// A caller's view of its networks or volumes, with the `ResourceChanges` count read before the lists were.
    private struct Stamped: Sendable {
        var view: any Sendable
        var changes: UInt64
    }

    private struct DiskOfferingKey: Hashable, Sendable {
        var apiKey: String
        var zoneID: String?
    }

    /// An empty catalog reading CloudStack through `client`, expiring entries on `clock`.
    public init(client: CloudStackClient, policy: CatalogPolicy = CatalogPolicy(), clock: Clock = .system) {
        self.client = client
        self.policy = policy
        zoneLists = SingleFlightCache(ttlSeconds: policy.ttlSeconds, capacity: policy.capacity, clock: clock)
        regionLists = SingleFlightCache(ttlSeconds: policy.ttlSeconds, capacity: policy.capacity, clock: clock)
        diskOfferingLists = SingleFlightCache(ttlSeconds: policy.ttlSeconds, capacity: policy.capacity, clock: clock)
        networkViews = SingleFlightCache(ttlSeconds: policy.ttlSeconds, capacity: policy.capacity, clock: clock)
        // A zone's volumes are a large view for a large account (10,000 volumes): let go when they expire.
        volumeViews = SingleFlightCache(
            ttlSeconds: min(policy.ttlSeconds, Self.volumeTTLSeconds), capacity: policy.capacity, clock: clock,
            releaseWhenExpired: true)
    }

    /// Every zone the caller sees (`listZones`); a new or disabled zone shows within `policy.ttlSeconds`.
    public func zones(as credentials: CloudStackCredentials) async throws(CloudStackError) -> [Zone] {
        try await zoneLists.value(for: credentials.apiKey) { () async throws(CloudStackError) in
            try await client.listAll(CommandTable.listZones, as: credentials)
        }
    }

    /// Every region (`listRegions`): GCE's one region and every network and instance link read it.
    public func regions(as credentials: CloudStackCredentials) async throws(CloudStackError) -> [Region] {
        try await regionLists.value(for: credentials.apiKey) { () async throws(CloudStackError) in
            try await client.listAll(CommandTable.listRegions, as: credentials)
        }
    }

    /// The disk offerings the caller may use (`listDiskOfferings`), in one zone or, with `zoneID` nil, in all.
    public func diskOfferings(zoneID: String? = nil, as credentials: CloudStackCredentials) async throws(CloudStackError)
        -> [DiskOffering]
    {
        try await diskOfferingLists.value(for: DiskOfferingKey(apiKey: credentials.apiKey, zoneID: zoneID)) {
            () async throws(CloudStackError) in
            var parameters = Parameters()
            parameters["zoneid"] = zoneID
            return try await client.listAll(CommandTable.listDiskOfferings, parameters, as: credentials)
        }
    }

    /// What `view` makes of the caller's guest networks (`listNetworks`) and, with `withVPCs`, VPCs (`listVPCs`), for
    /// linking an instance's NICs: made once per read of the lists, and read again after any network or VPC change
    /// made through the bridge, after `policy.ttlSeconds`, or when `fresh` (the caller saw a NIC on a network the
    /// kept lists lack, so one was made elsewhere). Kept as `view` made it, so a hit costs no rebuilding.
    public func guestNetworks<View: Sendable>(
        as credentials: CloudStackCredentials, withVPCs: Bool, fresh: Bool = false,
        view: @escaping @Sendable (_ networks: [Network], _ vpcs: [VPC]) -> View
    ) async throws(CloudStackError) -> View {
        let key = NetworkKey(apiKey: credentials.apiKey, withVPCs: withVPCs)
        if fresh { networkViews.remove(key) }
        let client = self.client
        return try await stamped(networkViews, key, changes: client.networkChanges) { () async throws(CloudStackError) -> View in
            let networks = try await client.listAll(CommandTable.listNetworks, as: credentials)
            let vpcs = withVPCs ? try await client.listAll(CommandTable.listVPCs, as: credentials) : []
            return view(networks, vpcs)
        }
    }

    /// What `view` makes of the caller's volumes in a zone (`listVolumes zoneid`), for the disks of GCE's instance
    /// lists: made once per read, and read again after any volume change made through the bridge (a volume made,
    /// deleted, attached, detached, resized, or a VM deployed or destroyed) or after `volumeTTLSeconds`.
    public func zoneVolumes<View: Sendable>(
        zoneID: String, as credentials: CloudStackCredentials, view: @escaping @Sendable (_ volumes: [Volume]) -> View
    ) async throws(CloudStackError) -> View {
        let client = self.client
        return try await stamped(volumeViews, VolumeKey(apiKey: credentials.apiKey, zoneID: zoneID), changes: client.volumeChanges) {
            () async throws(CloudStackError) -> View in
            view(try await client.listAll(CommandTable.listVolumes, ["zoneid": zoneID], as: credentials))
        }
    }

    /// The view kept under `key` while no change was counted since it was read; else one read again and kept.
    private func stamped<Key: Hashable & Sendable, View: Sendable>(
        _ cache: SingleFlightCache<Key, Stamped>, _ key: Key, changes: ResourceChanges,
        make: @escaping @Sendable () async throws(CloudStackError) -> View
    ) async throws(CloudStackError) -> View {
        let read = { () async throws(CloudStackError) -> Stamped in
            let before = changes.current
            return Stamped(view: try await make(), changes: before)
        }
        let kept = try await cache.value(for: key, load: read)
        if kept.changes == changes.current, let made = kept.view as? View { return made }
        // Overtaken by a change (or kept for a caller wanting another view type): read once more and keep that.
        cache.remove(key)
        if let made = try await cache.value(for: key, load: read).view as? View { return made }
        return try await make()
    }
}

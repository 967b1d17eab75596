public import Pipeline

/// What EC2 and GCE both look up on most requests and CloudStack rarely changes: each caller's zones, regions and
/// disk offerings, remembered under one policy on one clock, shared by both APIs (`docs/decisions/0010-shared-catalog.md`).
///
/// Keyed by the caller's CloudStack API key: what a caller sees depends on its domain and account. No EC2 action or
/// GCE method changes zones, regions or disk offerings, so nothing here needs invalidating. Templates and compute offerings
/// are not kept: images change with CreateImage, images.insert and deregistrations here and elsewhere and must show
/// at once, and compute offerings are read only where an instance is made or resized.
public final class Catalog: Sendable {
    /// The cache policy.
    public let policy: CatalogPolicy
    private let client: CloudStackClient
    private let zoneLists: SingleFlightCache<String, [Zone]>
    private let regionLists: SingleFlightCache<String, [Region]>
    private let diskOfferingLists: SingleFlightCache<DiskOfferingKey, [DiskOffering]>

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
}

import CloudStack

extension ActionContext {
    /// Every zone the caller sees, remembered for `GatewayMemory.zoneTTL` seconds per API key.
    ///
    /// Zones change far less often than anything else, and resolving an `availability-zone` filter
    /// or a RunInstances placement would otherwise cost one more CloudStack round trip per request.
    /// A new or removed zone shows within the TTL; DescribeAvailabilityZones always asks CloudStack.
    func zones() async throws(EC2Error) -> [Zone] {
        if let cached = memory.zones.value(for: credentials.apiKey) { return cached }
        let zones = try await list(CommandTable.listZones)
        memory.zones.store(zones, for: credentials.apiKey, ttl: memory.zoneTTL)
        return zones
    }
}

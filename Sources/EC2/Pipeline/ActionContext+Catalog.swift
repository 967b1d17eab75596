import CloudStack

extension ActionContext {
    /// Every zone the caller sees, from the shared `Catalog` (fresh for `cloudstack.catalog.ttlSeconds`).
    ///
    /// Zones change far less often than anything else, and resolving an `availability-zone` filter
    /// or a RunInstances placement would otherwise cost one more CloudStack round trip per request.
    /// A new or removed zone shows within the TTL; DescribeAvailabilityZones always asks CloudStack.
    func zones() async throws(EC2Error) -> [Zone] {
        do {
            return try await catalog.zones(as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: .none)
        }
    }

    /// The caller's disk offerings in every zone, from the shared `Catalog`: volume types are resolved on every
    /// volume answer, and offerings change far less often than volumes.
    func diskOfferings() async throws(EC2Error) -> [DiskOffering] {
        do {
            return try await catalog.diskOfferings(as: credentials)
        } catch {
            throw CloudStackErrorMapping.ec2Error(error, context: .none)
        }
    }
}

public import JSON

/// compute v1 `Project`: the CloudStack account.
public struct Project: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `quotas`: metric, limit, usage.
    public var quotas: [(metric: String, limit: Double, usage: Double)]
    /// `commonInstanceMetadata`.
    public var commonInstanceMetadata: MetadataItems
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#project")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.key("commonInstanceMetadata")
        commonInstanceMetadata.write(to: &w)
        w.key("quotas")
        w.beginArray()
        for quota in quotas {
            w.beginObject()
            w.member("metric", quota.metric)
            w.key("limit")
            w.double(quota.limit)
            w.key("usage")
            w.double(quota.usage)
            w.endObject()
        }
        w.endArray()
        w.member("selfLink", selfLink)
        w.member("xpnProjectStatus", "UNSPECIFIED_XPN_PROJECT_STATUS")
        w.member("defaultNetworkTier", "PREMIUM")
        w.endObject()
    }
}

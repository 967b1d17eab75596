public import JSON

/// compute v1 `Instance`.
public struct Instance: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `status`: PROVISIONING, STAGING, RUNNING, STOPPING, STOPPED, SUSPENDED, TERMINATED, REPAIRING.
    public var status: String
    /// `zone` (URL).
    public var zone: String
    /// `machineType` (URL).
    public var machineType: String
    /// `networkInterfaces`.
    public var networkInterfaces: [NetworkInterface]
    /// `disks`.
    public var disks: [AttachedDisk]
    /// `metadata`.
    public var metadata: MetadataItems
    /// `tags.items`.
    public var tags: [String]
    /// `labels`.
    public var labels: [(key: String, value: String)]
    /// `selfLink`.
    public var selfLink: String
    /// `hostname`.
    public var hostname: String?
    /// `serviceAccounts[0].scopes`, when the instance was inserted with the default service account.
    public var serviceAccountScopes: [String]? = nil

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#instance")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.key("tags")
        w.beginObject()
        w.strings("items", tags)
        w.member("fingerprint", Fingerprint.of(tags))
        w.endObject()
        w.member("machineType", machineType)
        w.member("status", status)
        w.member("zone", zone)
        w.member("canIpForward", false)
        w.objects("networkInterfaces", networkInterfaces)
        w.objects("disks", disks)
        w.key("metadata")
        metadata.write(to: &w)
        w.member("selfLink", selfLink)
        w.key("scheduling")
        w.beginObject()
        w.member("onHostMaintenance", "MIGRATE")
        w.member("automaticRestart", true)
        w.member("preemptible", false)
        w.endObject()
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("deletionProtection", false)
        w.member("hostname", ifPresent: hostname)
        if let scopes = serviceAccountScopes {
            w.key("serviceAccounts")
            w.beginArray()
            w.beginObject()
            w.member("email", "default")
            w.strings("scopes", scopes)
            w.endObject()
            w.endArray()
        }
        w.endObject()
    }
}

public import JSON

/// compute v1 `Network`: a custom-mode network whose subnetworks are CloudStack guest networks.
public struct Network: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `subnetworks` (URLs).
    public var subnetworks: [String]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#network")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("autoCreateSubnetworks", false)
        w.key("subnetworks")
        w.beginArray()
        for subnetwork in subnetworks { w.string(subnetwork) }
        w.endArray()
        w.key("routingConfig")
        w.beginObject()
        w.member("routingMode", "REGIONAL")
        w.endObject()
        w.member("networkFirewallPolicyEnforcementOrder", "AFTER_CLASSIC_FIREWALL")
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

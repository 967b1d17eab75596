public import JSON

/// compute v1 `Network`: `default`, a CloudStack VPC (its tiers the subnetworks) or a guest network of its own.
public struct Network: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `autoCreateSubnetworks`: true only for a VPC the bridge created in auto mode.
    public var autoCreateSubnetworks: Bool = false
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
        w.member("autoCreateSubnetworks", autoCreateSubnetworks)
        w.key("subnetworks")
        w.beginArray()
        for subnetwork in subnetworks { w.string(subnetwork) }
        w.endArray()
        w.key("routingConfig")
        w.beginObject()
        w.member("routingMode", "REGIONAL")
        w.endObject()
        w.member("networkFirewallPolicyEnforcementOrder", "AFTER_CLASSIC_FIREWALL")
        w.member("mtu", Int64(Network.mtu))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Network {
    /// GCE's default MTU, the only one the bridge reports and accepts (CloudStack reports no MTU per network).
    public static let mtu = 1460
}

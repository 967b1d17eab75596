public import JSON

/// compute v1 `Firewall`: written back exactly as a client inserted it (docs/decisions/0012-gce-firewalls.md).
public struct Firewall: SchemaObject, Equatable {
    /// One `allowed[]` entry: `IPProtocol` and `ports` as the client wrote them.
    public struct Match: Sendable, Equatable {
        /// `IPProtocol`: a name (`tcp`, `icmp`, ...) or a protocol number, as written.
        public var ipProtocol: String
        /// `ports`: single ports and ranges, as written.
        public var ports: [String]
    }

    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `network` (URL).
    public var network: String
    /// `priority`.
    public var priority: Int
    /// `direction`: `INGRESS` or `EGRESS`.
    public var direction: String
    /// `allowed`.
    public var allowed: [Match]
    /// `denied` (VPC networks only: an ACL item can deny, a security-group rule cannot).
    public var denied: [Match] = []
    /// `sourceRanges`.
    public var sourceRanges: [String]
    /// `destinationRanges`.
    public var destinationRanges: [String]
    /// `sourceTags`.
    public var sourceTags: [String]
    /// `targetTags`.
    public var targetTags: [String]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#firewall")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("network", network)
        w.member("priority", priority)
        w.strings("sourceRanges", sourceRanges)
        w.strings("destinationRanges", destinationRanges)
        w.strings("sourceTags", sourceTags)
        w.strings("targetTags", targetTags)
        // GCE writes the one list the firewall has.
        w.key(denied.isEmpty ? "allowed" : "denied")
        w.beginArray()
        for match in denied.isEmpty ? allowed : denied {
            w.beginObject()
            w.member("IPProtocol", match.ipProtocol)
            w.strings("ports", match.ports)
            w.endObject()
        }
        w.endArray()
        w.member("direction", direction)
        w.key("logConfig")
        w.beginObject()
        w.member("enable", false)
        w.endObject()
        w.member("disabled", false)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

/// compute v1 `NetworksGetEffectiveFirewallsResponse` / `InstancesGetEffectiveFirewallsResponse`: `firewalls` only
/// (no firewall policies exist in CloudStack).
public struct EffectiveFirewalls: SchemaObject {
    /// `firewalls`.
    public var firewalls: [Firewall]

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.objects("firewalls", firewalls)
        w.endObject()
    }
}

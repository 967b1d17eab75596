public import JSON

/// compute v1 `Route`: a system route the bridge synthesises (a network's default route, a subnetwork's local
/// route) or a CloudStack static route to a VPC private gateway (docs/gce.md, "Routes").
public struct Route: SchemaObject {
    /// Where matching packets go.
    public enum NextHop: Sendable {
        /// `nextHopGateway`: the default internet gateway (URL).
        case gateway(String)
        /// `nextHopNetwork`: the subnetwork's own network (URL).
        case network(String)
        /// `nextHopIp`: a private gateway's next-hop address.
        case ip(String)
    }

    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `network` (URL).
    public var network: String
    /// `destRange`.
    public var destRange: String
    /// `priority`.
    public var priority: Int
    /// The `nextHop*` member.
    public var nextHop: NextHop
    /// `routeType`: STATIC or SUBNET.
    public var routeType: String
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#route")
        w.int64String("id", id)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("network", network)
        w.member("destRange", destRange)
        w.member("priority", priority)
        switch nextHop {
        case .gateway(let link): w.member("nextHopGateway", link)
        case .network(let link): w.member("nextHopNetwork", link)
        case .ip(let address): w.member("nextHopIp", address)
        }
        w.member("routeType", routeType)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Route: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "description": description
        case "network": network
        case "destRange": destRange
        case "priority": String(priority)
        case "routeType": routeType
        case "nextHopIp": if case .ip(let address) = nextHop { address } else { nil }
        case "nextHopGateway": if case .gateway(let link) = nextHop { link } else { nil }
        case "nextHopNetwork": if case .network(let link) = nextHop { link } else { nil }
        default: nil
        }
    }
}

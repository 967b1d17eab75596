extension FirewallBody {
    /// The most CloudStack calls one firewall may take (target groups times port ranges), bounding a request's work.
    static let ruleCallLimit = 64

    /// This body as a whole firewall on `network`, GCE's defaults filling what it leaves out (`insert`, `update`),
    /// or laid over `current` (`patch`: a member present replaces the old value, arrays wholesale). 400 for what
    /// the network's kind cannot express; `placement` nil (the network not looked up yet) checks only what no kind
    /// can hold.
    func firewall(name: String, over current: Firewall?, network: String, placement: FirewallPlacement?, links: Links)
        throws(GCEError) -> Firewall
    {
        var firewall =
            current
            ?? Firewall(
                id: 0, name: name, description: nil, creationTimestamp: nil, network: links.network(network), priority: 1000,
                direction: "INGRESS", allowed: [], sourceRanges: [], destinationRanges: [], sourceTags: [], targetTags: [],
                selfLink: links.firewall(name))
        if let description { firewall.description = description.isEmpty ? nil : description }
        if let priority { firewall.priority = priority }
        if let direction { firewall.direction = direction }
        if let allowed { firewall.allowed = allowed }
        if let denied { firewall.denied = denied }
        if let sourceRanges { firewall.sourceRanges = sourceRanges }
        if let destinationRanges { firewall.destinationRanges = destinationRanges }
        if let sourceTags { firewall.sourceTags = sourceTags }
        if let targetTags { firewall.targetTags = targetTags }
        try Self.check(&firewall, placement)
        return firewall
    }

    /// The network a body names for a firewall: `default` when it names none.
    var networkName: String { network ?? "default" }

    /// The placement `decode` can tell without CloudStack: `default` is security groups, anything else is looked up.
    var knownPlacement: FirewallPlacement? { networkName == "default" ? .securityGroups : nil }

    private static func check(_ firewall: inout Firewall, _ placement: FirewallPlacement?) throws(GCEError) {
        guard !firewall.allowed.isEmpty || !firewall.denied.isEmpty else { throw GCEError.required("resource.allowed") }
        guard firewall.allowed.isEmpty || firewall.denied.isEmpty else {
            throw GCEError.invalid("Invalid value for field 'resource.denied': a firewall has either allowed or denied, not both")
        }
        if placement == .securityGroups, !firewall.denied.isEmpty {
            throw GCEError.invalid(
                "Invalid value for field 'resource.denied': denied is not supported on a security-group network "
                    + "(CloudStack security groups only allow traffic); VPC networks take it")
        }
        if placement == .networkACL {
            for (field, tags) in [("targetTags", firewall.targetTags), ("sourceTags", firewall.sourceTags)] where !tags.isEmpty {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.\(field)': network tags are not supported on a VPC network (a CloudStack "
                        + "ACL item applies to every instance of the VPC's tiers and matches addresses only); use ranges")
            }
        }
        let matches = firewall.denied.isEmpty ? firewall.allowed : firewall.denied
        let field = firewall.denied.isEmpty ? "allowed" : "denied"
        guard FirewallProtocols.encode(matches).utf8.count <= tagValueLimit else {
            throw GCEError.invalid("Invalid value for field 'resource.\(field)': at most \(tagValueLimit) bytes written out")
        }
        if firewall.direction == "INGRESS" {
            guard firewall.destinationRanges.isEmpty else {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.destinationRanges': destinationRanges is not supported on INGRESS "
                        + "(a CloudStack ingress rule has a source only)")
            }
            // GCE applies an ingress firewall with no source to every source.
            if firewall.sourceRanges.isEmpty && firewall.sourceTags.isEmpty { firewall.sourceRanges = ["0.0.0.0/0"] }
        } else {
            guard firewall.sourceTags.isEmpty else {
                throw GCEError.invalid("Invalid value for field 'resource.sourceTags': sourceTags cannot be set for EGRESS")
            }
            guard firewall.sourceRanges.isEmpty else {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.sourceRanges': sourceRanges is not supported on EGRESS "
                        + "(a CloudStack egress rule has a destination only)")
            }
            if firewall.destinationRanges.isEmpty { firewall.destinationRanges = ["0.0.0.0/0"] }
        }
        let hosts = (firewall.sourceRanges + firewall.destinationRanges).filter { !$0.contains("/") }
        guard hosts.joined(separator: ",").utf8.count <= tagValueLimit else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.sourceRanges': at most \(tagValueLimit) bytes of bare addresses; write them as /32")
        }
        // ACL items carry no target tags: one item per port range.
        let shapes = matches.reduce(0) { $0 + max(1, $1.ports.count) }
        let targets = placement == .networkACL ? 1 : max(1, firewall.targetTags.count)
        let (calls, overflow) = shapes.multipliedReportingOverflow(by: targets)
        guard !overflow, calls <= ruleCallLimit else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.\(field)': this firewall needs more than \(ruleCallLimit) CloudStack rule "
                    + "calls (port ranges times target tags)")
        }
    }
}

/// Where a firewall's CloudStack rules live (docs/decisions/0012-gce-firewalls.md): security-group rules on
/// `default`, items of the VPC's `gce-firewalls` ACL list on a VPC network.
enum FirewallPlacement: Sendable, Equatable {
    case securityGroups
    case networkACL
}

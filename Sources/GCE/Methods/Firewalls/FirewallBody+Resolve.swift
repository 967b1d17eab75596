extension FirewallBody {
    /// The most CloudStack calls one firewall may take (target groups times port ranges), bounding a request's work.
    static let ruleCallLimit = 64

    /// This body as a whole firewall, GCE's defaults filling what it leaves out (`insert`, `update`), or laid over
    /// `current` (`patch`: a member present replaces the old value, arrays wholesale). 400 for what a
    /// security-group network cannot express.
    func firewall(name: String, over current: Firewall?, links: Links) throws(GCEError) -> Firewall {
        let network = network ?? "default"
        guard network == "default" else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.network': '\(network.prefix(64))'. Firewalls are served on the default "
                    + "network (CloudStack security groups); VPC networks' ACL items are not served by this bridge yet")
        }
        var firewall =
            current
            ?? Firewall(
                id: 0, name: name, description: nil, creationTimestamp: nil, network: links.network("default"), priority: 1000,
                direction: "INGRESS", allowed: [], sourceRanges: [], destinationRanges: [], sourceTags: [], targetTags: [],
                selfLink: links.firewall(name))
        if let description { firewall.description = description.isEmpty ? nil : description }
        if let priority { firewall.priority = priority }
        if let direction { firewall.direction = direction }
        if let allowed { firewall.allowed = allowed }
        if let sourceRanges { firewall.sourceRanges = sourceRanges }
        if let destinationRanges { firewall.destinationRanges = destinationRanges }
        if let sourceTags { firewall.sourceTags = sourceTags }
        if let targetTags { firewall.targetTags = targetTags }
        try Self.check(&firewall)
        return firewall
    }

    private static func check(_ firewall: inout Firewall) throws(GCEError) {
        guard !firewall.allowed.isEmpty else { throw GCEError.required("resource.allowed") }
        guard FirewallProtocols.encode(firewall.allowed).utf8.count <= tagValueLimit else {
            throw GCEError.invalid("Invalid value for field 'resource.allowed': at most \(tagValueLimit) bytes written out")
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
        let shapes = firewall.allowed.reduce(0) { $0 + max(1, $1.ports.count) }
        let (calls, overflow) = shapes.multipliedReportingOverflow(by: max(1, firewall.targetTags.count))
        guard !overflow, calls <= ruleCallLimit else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.allowed': this firewall needs more than \(ruleCallLimit) CloudStack rule "
                    + "calls (port ranges times target tags)")
        }
    }
}

/// A `Firewall` request body, read and validated in `decode` (docs/decisions/0012-gce-firewalls.md): every member
/// is nil when absent, so `patch` can tell "leave as is" from a value. What no network kind can hold is a 400 naming
/// the field before any CloudStack call; what only the firewall's network kind decides (`denied`, tags on a VPC
/// network) is checked by `firewall(name:over:network:placement:links:)` once the network is known.
struct FirewallBody: Sendable, Equatable {
    var name: String?
    var description: String?
    var network: String?
    var priority: Int?
    var direction: String?
    var allowed: [Firewall.Match]?
    var denied: [Firewall.Match]?
    var sourceRanges: [String]?
    var destinationRanges: [String]?
    var sourceTags: [String]?
    var targetTags: [String]?

    /// Output-only members a client sends back from a get; ignored as Google ignores them.
    static let outputOnly: Set<String> = ["kind", "id", "creationTimestamp", "selfLink"]

    /// The longest text a CloudStack tag value holds (`resource_tags.value` is varchar(255)).
    static let tagValueLimit = 255

    init(_ body: BodyValue) throws(GCEError) {
        for (key, _) in body.members where !Self.outputOnly.contains(key) {
            switch key {
            case "name", "description", "network", "priority", "direction", "allowed", "denied", "sourceRanges", "destinationRanges",
                "sourceTags", "targetTags":
                continue
            case "disabled": try body.refuseUnsupported("disabled", at: "resource.disabled", accepting: ["false"])
            case "logConfig":
                if let config = try body.object("logConfig", at: "resource.logConfig") {
                    for (member, _) in config.members where member != "enable" {
                        try config.refuseUnsupported(member, at: "resource.logConfig.\(member)")
                    }
                    try config.refuseUnsupported("enable", at: "resource.logConfig.enable", accepting: ["false"])
                }
            case "sourceServiceAccounts", "targetServiceAccounts":
                guard try body.strings(key, at: "resource.\(key)").isEmpty else { throw GCEError.unsupported("resource.\(key)") }
            default: try body.refuseUnsupported(key, at: "resource.\(key)")
            }
        }
        name = try body.string("name", at: "resource.name")
        if let name, !ResourceNames.isValid(name) {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name.prefix(64))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'"
            )
        }
        description = try body.string("description", at: "resource.description")
        if let description, description.utf8.count > Self.tagValueLimit {
            throw GCEError.invalid(
                "Invalid value for field 'resource.description': at most \(Self.tagValueLimit) bytes (a CloudStack tag value)")
        }
        if let link = try body.string("network", at: "resource.network") {
            network = try ResourceReference.name(link, field: "resource.network")
        }
        if let value = try body.int64("priority", at: "resource.priority") {
            guard (0...65535).contains(value) else {
                throw GCEError.invalid("Invalid value for field 'resource.priority': \(value). Must be between 0 and 65535")
            }
            priority = Int(value)
        }
        direction = try body.string("direction", at: "resource.direction")
        if let direction, direction != "INGRESS", direction != "EGRESS" {
            throw GCEError.invalid("Invalid value for field 'resource.direction': '\(direction.prefix(32))'")
        }
        if body["allowed"] != nil { allowed = try Self.matches(body, "allowed") }
        if body["denied"] != nil { denied = try Self.matches(body, "denied") }
        if body["sourceRanges"] != nil { sourceRanges = try Self.ranges(body, "sourceRanges") }
        if body["destinationRanges"] != nil { destinationRanges = try Self.ranges(body, "destinationRanges") }
        if body["sourceTags"] != nil { sourceTags = try Self.tags(body, "sourceTags") }
        if body["targetTags"] != nil { targetTags = try Self.tags(body, "targetTags") }
    }

    private static func matches(_ body: BodyValue, _ field: String) throws(GCEError) -> [Firewall.Match] {
        try body.array(field, at: "resource.\(field)").enumerated().map { index, item throws(GCEError) in
            try FirewallProtocols.match(item, at: "resource.\(field)[\(index)]")
        }
    }

    private static func ranges(_ body: BodyValue, _ field: String) throws(GCEError) -> [String] {
        let ranges = try body.strings(field, at: "resource.\(field)")
        for range in ranges where FirewallRanges.cloudStackCIDR(range) == nil {
            throw GCEError.invalid(
                "Invalid value for field 'resource.\(field)': '\(range.prefix(64))'. Must be an IPv4 address or CIDR "
                    + "(the bridge writes IPv4 CIDRs to CloudStack security-group rules and ACL items)")
        }
        guard Set(ranges).count == ranges.count else {
            throw GCEError.invalid("Invalid value for field 'resource.\(field)': a range is listed twice")
        }
        return ranges
    }

    private static func tags(_ body: BodyValue, _ field: String) throws(GCEError) -> [String] {
        let tags = try body.strings(field, at: "resource.\(field)")
        for tag in tags where !ResourceNames.isValid(tag) {
            throw GCEError.invalid("Invalid value for field 'resource.\(field)': '\(tag.prefix(64))'")
        }
        guard Set(tags).count == tags.count else {
            throw GCEError.invalid("Invalid value for field 'resource.\(field)': a tag is listed twice")
        }
        guard tags.joined(separator: ",").utf8.count <= tagValueLimit else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.\(field)': at most \(tagValueLimit) bytes in all (a CloudStack tag value)")
        }
        return tags
    }
}

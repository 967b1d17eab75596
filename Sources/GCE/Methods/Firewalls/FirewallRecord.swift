import CloudStack

/// A firewall as CloudStack holds it: on `default` security-group rules, on a VPC network items of the VPC's
/// `gce-firewalls` ACL list, all carrying the same `gce-firewall*` tags (docs/decisions/0012-gce-firewalls.md). The
/// tags keep what a rule cannot (name, id, priority, `allowed`/`denied` as written, tags, description), so the
/// firewall reads back exactly as it was inserted.
struct FirewallRecord: Sendable {
    /// The tag keys, one value each, the same on every rule of the firewall.
    enum Key {
        static let name = "gce-firewall"
        static let id = "gce-firewall-id"
        static let priority = "gce-firewall-priority"
        static let allowed = "gce-firewall-allowed"
        /// `denied` as written (VPC networks only), instead of `allowed`.
        static let denied = "gce-firewall-denied"
        static let created = "gce-firewall-created"
        static let description = "gce-firewall-description"
        static let targetTags = "gce-firewall-target-tags"
        static let sourceTags = "gce-firewall-source-tags"
        /// Ranges written as bare addresses (CloudStack holds them as `/32`).
        static let hosts = "gce-firewall-hosts"
    }

    /// One CloudStack rule of the firewall.
    struct Rule: Sendable, Equatable {
        let id: String
        let ingress: Bool
    }

    let firewall: Firewall
    /// The UUID the firewall's `id` derives from (the first CloudStack job that created it).
    let uuid: String
    /// The security-group rules (empty on a VPC network).
    let rules: [Rule]
    /// The GCE network's name: `default`, or the VPC's network.
    var networkName = "default"
    /// The VPC and its `gce-firewalls` list holding the firewall's ACL items (nil on `default`).
    var vpcID: String? = nil
    var aclID: String? = nil
    /// The ACL item ids, in rule-number order.
    var items: [String] = []

    /// Where the firewall's rules live.
    var placement: FirewallPlacement { vpcID == nil ? .securityGroups : .networkACL }
    /// The network the firewall's rules are on, as a later create needs it.
    var target: FirewallTarget { FirewallTarget(networkName: networkName, vpcID: vpcID, aclID: aclID) }

    /// The security group a network tag stands for.
    static func group(forTag tag: String) -> String { "gce-tag-" + tag }

    /// The tags that describe `firewall` (created at `created`) on each of its rules.
    static func tags(of firewall: Firewall, uuid: String) -> [(key: String, value: String)] {
        var tags: [(key: String, value: String)] = [
            (Key.name, firewall.name), (Key.id, uuid), (Key.priority, String(firewall.priority)),
            firewall.denied.isEmpty
                ? (Key.allowed, FirewallProtocols.encode(firewall.allowed)) : (Key.denied, FirewallProtocols.encode(firewall.denied)),
            (Key.created, firewall.creationTimestamp ?? ""),
        ]
        if let description = firewall.description, !description.isEmpty { tags.append((Key.description, description)) }
        if !firewall.targetTags.isEmpty { tags.append((Key.targetTags, firewall.targetTags.joined(separator: ","))) }
        if !firewall.sourceTags.isEmpty { tags.append((Key.sourceTags, firewall.sourceTags.joined(separator: ","))) }
        let hosts = (firewall.sourceRanges + firewall.destinationRanges).filter { !$0.contains("/") }
        if !hosts.isEmpty { tags.append((Key.hosts, hosts.joined(separator: ","))) }
        return tags
    }

    /// Every firewall the caller's security groups hold; rules without the tags are not firewalls.
    static func all(in groups: [SecurityGroup], links: Links) -> [FirewallRecord] {
        var order: [String] = []
        var buckets: [String: [(rule: SecurityGroupRule, ingress: Bool)]] = [:]
        for group in groups {
            for (rules, ingress) in [(group.ingressrule, true), (group.egressrule, false)] {
                for rule in rules {
                    guard let uuid = rule.tags.first(where: { $0.key == Key.id })?.value, rule.ruleid != nil else { continue }
                    if buckets[uuid] == nil { order.append(uuid) }
                    buckets[uuid, default: []].append((rule, ingress))
                }
            }
        }
        return order.compactMap { uuid in buckets[uuid].flatMap { record(uuid, $0, links: links) } }
    }

    private static func record(_ uuid: String, _ rules: [(rule: SecurityGroupRule, ingress: Bool)], links: Links) -> FirewallRecord? {
        guard let first = rules.first else { return nil }
        func value(_ key: String) -> String? { first.rule.tags.first { $0.key == key }?.value }
        guard let name = value(Key.name) else { return nil }
        let list = { (key: String) in value(key).map { $0.split(separator: ",").map(String.init) } ?? [] }
        let hosts = Set(list(Key.hosts))
        var ranges: [String] = []
        for (rule, _) in rules {
            guard let cidr = rule.cidr else { continue }
            let written = cidr.hasSuffix("/32") && hosts.contains(String(cidr.dropLast(3))) ? String(cidr.dropLast(3)) : cidr
            if !ranges.contains(written) { ranges.append(written) }
        }
        let ingress = first.ingress
        let firewall = Firewall(
            id: ResourceID.of(uuid), name: name, description: value(Key.description), creationTimestamp: value(Key.created),
            network: links.network("default"), priority: value(Key.priority).flatMap { Int($0) } ?? 1000,
            direction: ingress ? "INGRESS" : "EGRESS", allowed: FirewallProtocols.decode(value(Key.allowed) ?? ""),
            sourceRanges: ingress ? ranges : [], destinationRanges: ingress ? [] : ranges, sourceTags: list(Key.sourceTags),
            targetTags: list(Key.targetTags), selfLink: links.firewall(name))
        return FirewallRecord(
            firewall: firewall, uuid: uuid,
            rules: rules.compactMap { entry in entry.rule.ruleid.map { Rule(id: $0, ingress: entry.ingress) } })
    }
}

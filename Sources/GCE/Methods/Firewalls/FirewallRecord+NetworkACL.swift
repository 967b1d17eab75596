import CloudStack

extension FirewallRecord {
    /// Every firewall the caller's `gce-firewalls` ACL lists hold: tagged items grouped by `gce-firewall-id`, each
    /// in the network of its list's VPC (`vpcOfList`: list id to VPC id; `networkOfVPC`: VPC id to network name).
    /// Items of other lists, untagged items and items of a VPC the network map lacks are not firewalls.
    static func all(
        in items: [NetworkACLItem], vpcOfList: [String: String], networkOfVPC: [String: String], links: Links
    ) -> [FirewallRecord] {
        var order: [String] = []
        var buckets: [String: [NetworkACLItem]] = [:]
        for item in items {
            guard item.id != nil, let list = item.aclid, let vpc = vpcOfList[list], networkOfVPC[vpc] != nil,
                let uuid = item.tags.first(where: { $0.key == Key.id })?.value
            else { continue }
            if buckets[uuid] == nil { order.append(uuid) }
            buckets[uuid, default: []].append(item)
        }
        return order.compactMap { uuid in
            guard let items = buckets[uuid], let list = items.first?.aclid, let vpc = vpcOfList[list], let network = networkOfVPC[vpc]
            else { return nil }
            return record(uuid, items.sorted { ($0.number ?? 0) < ($1.number ?? 0) }, network: network, vpc: vpc, list: list, links: links)
        }
    }

    private static func record(
        _ uuid: String, _ items: [NetworkACLItem], network: String, vpc: String, list: String, links: Links
    ) -> FirewallRecord? {
        guard let first = items.first else { return nil }
        func value(_ key: String) -> String? { first.tags.first { $0.key == key }?.value }
        guard let name = value(Key.name) else { return nil }
        let hosts = Set(value(Key.hosts).map { $0.split(separator: ",").map(String.init) } ?? [])
        // Every item of a firewall carries all its ranges, in the order written.
        let ranges = (first.cidrlist ?? "").split(separator: ",").map { cidr in
            cidr.hasSuffix("/32") && hosts.contains(String(cidr.dropLast(3))) ? String(cidr.dropLast(3)) : String(cidr)
        }
        let ingress = first.traffictype?.lowercased() != "egress"
        let denied = value(Key.denied).map(FirewallProtocols.decode) ?? []
        let firewall = Firewall(
            id: ResourceID.of(uuid), name: name, description: value(Key.description), creationTimestamp: value(Key.created),
            network: links.network(network), priority: value(Key.priority).flatMap { Int($0) } ?? 1000,
            direction: ingress ? "INGRESS" : "EGRESS", allowed: denied.isEmpty ? FirewallProtocols.decode(value(Key.allowed) ?? "") : [],
            denied: denied, sourceRanges: ingress ? ranges : [], destinationRanges: ingress ? [] : ranges, sourceTags: [], targetTags: [],
            selfLink: links.firewall(name))
        return FirewallRecord(
            firewall: firewall, uuid: uuid, rules: [], networkName: network, vpcID: vpc, aclID: list, items: items.compactMap(\.id))
    }
}

/// The network a firewall is created on: `default` (security groups) or a VPC network, with the VPC's
/// `gce-firewalls` list once known and the VPC's tiers, which must all use that list.
struct FirewallTarget: Sendable {
    let networkName: String
    var vpcID: String? = nil
    var aclID: String? = nil
    var tiers: [(name: String, row: CloudStack.Network)] = []

    /// Where the firewall's rules go.
    var placement: FirewallPlacement { vpcID == nil ? .securityGroups : .networkACL }
}

/// ACL item numbers for firewalls (CloudStack runs a list's items in `number` order, lowest first, and keeps each
/// number once per list; `number` is a Java int): each GCE priority owns a block of 1000 numbers, so a lower
/// priority always runs first; in a block, deny items take 1-499 and allow items 500-999, because GCE lets a deny
/// win over an allow of the same priority. The highest number is 65535 * 1000 + 999, well inside an int.
enum FirewallNumbers {
    static let block = 1000

    /// The numbers a priority's deny or allow items may take.
    static func range(priority: Int, deny: Bool) -> ClosedRange<Int> {
        let base = priority * block
        return deny ? (base + 1)...(base + 499) : (base + 500)...(base + 999)
    }

    /// `count` free numbers in the priority's range, lowest first; nil when the range has fewer left.
    static func allocate(_ count: Int, priority: Int, deny: Bool, used: Set<Int>) -> [Int]? {
        var numbers: [Int] = []
        for number in range(priority: priority, deny: deny) where numbers.count < count && !used.contains(number) {
            numbers.append(number)
        }
        return numbers.count == count ? numbers : nil
    }
}

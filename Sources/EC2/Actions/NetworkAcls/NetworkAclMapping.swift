import CloudStack

/// How CloudStack's network ACL lists are EC2 network ACLs (docs/decisions/0009-ec2-network-model.md):
///
/// - a VPC's own lists are its ACLs, `acl-` + the list's hex; CloudStack's built-in `default_deny`
///   and `default_allow` belong to no VPC and are shown in every VPC, with `default_deny` (what a tier
///   gets when created without an ACL) as the VPC's default ACL;
/// - each tier's list is its association, `aclassoc-` + the tier's hex;
/// - CloudStack numbers a list's items once for both directions while EC2 numbers each direction, so
///   an egress entry's rule number `n` is CloudStack number `n + 32766` (items numbered there by other
///   tools show their own number);
/// - the list's name is its `Name` tag (CloudStack ACL lists carry no other tags).
enum NetworkAclMapping {
    /// The offset of egress rule numbers in CloudStack.
    static let egressOffset = 32766
    /// EC2's implicit last rule.
    static let implicitRuleNumber = 32767

    /// CloudStack's `protocol` for EC2's: `-1`/`all`, `tcp`/`6`, `udp`/`17`, `icmp`/`1`, else the number 0–255.
    static func cloudStackProtocol(_ text: String) throws(EC2Error) -> String {
        switch text.lowercased() {
        case "-1", "all": return "all"
        case "6", "tcp": return "tcp"
        case "17", "udp": return "udp"
        case "1", "icmp": return "icmp"
        default:
            guard text.count <= 3, let number = Int(text), (0...255).contains(number) else {
                throw EC2Error.invalidParameterValue("Invalid value '\(XMLSafeName.clip(text))' for protocol.")
            }
            return String(number)
        }
    }

    /// EC2's protocol number text for CloudStack's.
    static func ec2Protocol(_ text: String?) -> String {
        switch text?.lowercased() ?? "all" {
        case "all": "-1"
        case "tcp": "6"
        case "udp": "17"
        case "icmp": "1"
        case let other: other
        }
    }

    /// CloudStack's item number for an EC2 rule number and direction.
    static func cloudStackNumber(_ ruleNumber: Int, egress: Bool) -> Int { egress ? ruleNumber + egressOffset : ruleNumber }

    /// EC2's rule number for a CloudStack item.
    static func ec2RuleNumber(_ item: NetworkACLItem) -> Int {
        let number = Int(item.number ?? 0)
        return isEgress(item) && number > egressOffset ? number - egressOffset : number
    }

    /// Whether an item filters outgoing traffic.
    static func isEgress(_ item: NetworkACLItem) -> Bool { item.traffictype?.lowercased() == "egress" }

    /// The entries of one list's items, each direction in rule order and closed by EC2's implicit deny rule.
    static func entries(_ items: [NetworkACLItem]) -> [NetworkAclEntryView] {
        var out: [NetworkAclEntryView] = []
        for egress in [false, true] {
            let direction = items.filter { isEgress($0) == egress }.sorted { ec2RuleNumber($0) < ec2RuleNumber($1) }
            for item in direction {
                let proto = ec2Protocol(item.protocol)
                var ports: PortRangeView?
                if let from = item.startport.flatMap({ Int($0) }) {
                    ports = PortRangeView(from: from, to: item.endport.flatMap { Int($0) } ?? from)
                }
                let icmp = proto == "1" ? IcmpTypeCodeView(type: Int(item.icmptype ?? -1), code: Int(item.icmpcode ?? -1)) : nil
                let cidrs = (item.cidrlist ?? "0.0.0.0/0").split(separator: ",").map { String($0.filter { $0 != " " }) }
                for cidr in cidrs where !cidr.isEmpty {
                    out.append(
                        NetworkAclEntryView(
                            ruleNumber: ec2RuleNumber(item), protocol: proto,
                            ruleAction: item.action?.lowercased() == "deny" ? "deny" : "allow", egress: egress, cidrBlock: cidr,
                            portRange: ports, icmpTypeCode: icmp))
                }
            }
            out.append(
                NetworkAclEntryView(
                    ruleNumber: implicitRuleNumber, protocol: "-1", ruleAction: "deny", egress: egress, cidrBlock: "0.0.0.0/0",
                    portRange: nil, icmpTypeCode: nil))
        }
        return out
    }

    /// The caller's ACLs: each VPC's own lists and the built-in lists once per VPC (only `vpcUUID`'s when given).
    static func views(vpcUUID: String? = nil, in context: ActionContext) async throws -> [NetworkAclView] {
        var scoped = Parameters()
        if let vpcUUID { scoped["id"] = vpcUUID }
        let vpcs = try await context.list(CommandTable.listVPCs, scoped)
        if vpcs.isEmpty { return [] }
        let lists = try await context.list(CommandTable.listNetworkACLLists)
        let items = try await context.list(CommandTable.listNetworkACLs)
        let tiers = try await context.list(CommandTable.listNetworks).filter { $0.vpcid != nil }
        let itemsByList = Dictionary(grouping: items) { $0.aclid ?? "" }
        var out: [NetworkAclView] = []
        for vpc in vpcs {
            guard let vpcUUID = vpc.id, let vpcID = EC2ID(kind: .vpc, cloudStackUUID: vpcUUID) else { continue }
            for list in lists where list.vpcid == nil || list.vpcid == vpcUUID {
                guard let listUUID = list.id, let aclID = EC2ID(kind: .networkAcl, cloudStackUUID: listUUID) else { continue }
                let associations = tiers.filter { $0.vpcid == vpcUUID && $0.aclid == listUUID }.compactMap {
                    tier -> NetworkAclAssociationView? in
                    guard let uuid = tier.id, let subnet = EC2ID(kind: .subnet, cloudStackUUID: uuid) else { return nil }
                    return NetworkAclAssociationView(
                        networkAclAssociationId: ResourceKind.networkAclAssociation.prefix + subnet.hex, networkAclId: aclID.description,
                        subnetId: subnet.description)
                }
                out.append(
                    NetworkAclView(
                        networkAclId: aclID.description, vpcId: vpcID.description,
                        isDefault: list.vpcid == nil && list.name == "default_deny",
                        ownerId: vpc.account ?? "", entrySet: entries(itemsByList[listUUID] ?? []), associationSet: associations,
                        tagSet: list.name.map { [TagView(key: "Name", value: $0)] } ?? []))
            }
        }
        return out
    }

    /// One ACL list by EC2 id, or `InvalidNetworkAclID.NotFound`; built-in lists are refused for changes when `mutable`.
    static func list(_ id: EC2ID, mutable: Bool, in context: ActionContext) async throws -> NetworkACLList {
        let lists = try await context.list(
            CommandTable.listNetworkACLLists, ["id": id.cloudStackUUID], context: .ids(.networkAcl, [id.description]))
        guard let list = lists.first(where: { $0.id == id.cloudStackUUID }) else {
            throw EC2Error.notFound(.networkAcl, ids: [id.description])
        }
        if mutable && list.vpcid == nil {
            throw EC2Error.unsupportedOperation(
                "\(id.description) is CloudStack's built-in ACL list \(list.name ?? ""), which cannot be changed; create a network ACL in the VPC instead."
            )
        }
        return list
    }

    /// The items of one list.
    static func items(of list: NetworkACLList, in context: ActionContext) async throws -> [NetworkACLItem] {
        try await context.list(CommandTable.listNetworkACLs, ["aclid": list.id ?? ""])
    }
}

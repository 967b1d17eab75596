extension World {
    /// CloudStack's two built-in ACL lists and their rules, as the 4.2 schema upgrade inserts them:
    /// `default_deny` (id 1: deny all in and out) and `default_allow` (id 2: allow all in and out).
    mutating func seedBuiltInACLs() {
        for (name, description, action) in [
            ("default_deny", "Default Network ACL Deny All", "Deny"), ("default_allow", "Default Network ACL Allow All", "Allow"),
        ] {
            let id = ids.named("network_acl/" + name)
            networkACLLists[id] = NetworkACLList(id: id, name: name, description: description, vpcID: nil)
            for (number, traffic) in [(1, "Ingress"), (2, "Egress")] {
                let itemID = ids.named("network_acl_item/\(name)/\(number)")
                networkACLItems[itemID] = NetworkACLItem(
                    id: itemID, aclID: id, number: number, protocolName: "all", cidrList: ["0.0.0.0/0"], action: action,
                    trafficType: traffic)
            }
        }
    }

    /// The built-in `default_deny` list: what a VPC tier created without `aclid` gets.
    var defaultDenyACLID: String { networkACLLists.all.first { $0.vpcID == nil && $0.name == "default_deny" }?.id ?? "" }

    /// What deleting a VPC removes with it: its ACL lists and their rules, private gateways, static routes and VPN gateway.
    mutating func removeRouting(ofVPC vpcID: String) {
        for list in networkACLLists.all where list.vpcID == vpcID {
            for item in networkACLItems.all where item.aclID == list.id { networkACLItems[item.id] = nil }
            networkACLLists[list.id] = nil
        }
        for route in staticRoutes.all where route.vpcID == vpcID { staticRoutes[route.id] = nil }
        for gateway in privateGateways.all where gateway.vpcID == vpcID { privateGateways[gateway.id] = nil }
        for gateway in vpnGateways.all where gateway.vpcID == vpcID { vpnGateways[gateway.id] = nil }
    }
}

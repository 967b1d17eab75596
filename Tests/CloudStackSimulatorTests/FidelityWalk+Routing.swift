@testable import CloudStackSimulator

extension FidelityWalk {
    /// Network ACL lists and items, private gateways and static routes, on a VPC of their own.
    func walkRouting(user: TestClient, admin: TestClient, zone: String, vpcOffering: String, networkOffering: String) {
        let vpc = run(
            user, "createVPC",
            [("name", "routed"), ("displaytext", "routed"), ("cidr", "10.30.0.0/16"), ("vpcofferingid", vpcOffering), ("zoneid", zone)])
        run(user, "listNetworkACLLists", [("vpcid", id(vpc))])
        let list = run(user, "createNetworkACLList", [("name", "web"), ("description", "web tier"), ("vpcid", id(vpc))])
        let tierOffering = id(run(user, "listNetworkOfferings", [("forvpc", "true")]))
        let tier = run(
            user, "createNetwork",
            [
                ("name", "routed-tier"), ("displaytext", "routed-tier"), ("networkofferingid", tierOffering), ("zoneid", zone),
                ("vpcid", id(vpc)), ("gateway", "10.30.1.1"), ("netmask", "255.255.255.0"),
            ])
        let item = run(
            user, "createNetworkACL",
            [
                ("aclid", id(list)), ("protocol", "tcp"), ("startport", "22"), ("endport", "22"), ("cidrlist", "10.0.0.0/8"),
                ("action", "Allow"), ("traffictype", "Ingress"), ("number", "100"),
            ])
        run(user, "updateNetworkACLItem", [("id", id(item)), ("action", "Deny"), ("reason", "closed")])
        // An ACL item takes tags as resource type NetworkACL and lists them on the item.
        run(
            user, "createTags",
            [("resourceids", id(item)), ("resourcetype", "NetworkACL"), ("tags[0].key", "gce-firewall"), ("tags[0].value", "fw")])
        run(user, "listNetworkACLs", [("aclid", id(list))])
        run(user, "listTags", [("resourcetype", "NetworkACL")])
        run(user, "replaceNetworkACLList", [("aclid", id(list)), ("networkid", id(tier))])
        run(user, "updateNetwork", [("id", id(tier)), ("displaytext", "the routed tier")])
        run(user, "updateVPC", [("id", id(vpc)), ("displaytext", "routed VPC")])
        run(user, "listNetworkACLLists", [("networkid", id(tier))])
        let gateway = run(
            admin, "createPrivateGateway",
            [("vpcid", id(vpc)), ("ipaddress", "192.168.60.2"), ("gateway", "192.168.60.1"), ("netmask", "255.255.255.0"), ("vlan", "60")])
        run(user, "listPrivateGateways", [("vpcid", id(vpc))])
        let route = run(user, "createStaticRoute", [("cidr", "172.20.0.0/16"), ("gatewayid", id(gateway))])
        run(user, "listStaticRoutes", [("vpcid", id(vpc))])
        run(
            user, "createTags",
            [
                ("resourceids", id(route)), ("resourcetype", "StaticRoute"), ("tags[0].key", "gce-route-name"),
                ("tags[0].value", "to-office"),
            ])
        run(user, "listStaticRoutes", [("tags[0].key", "gce-route-name"), ("tags[0].value", "to-office")])
        run(user, "deleteStaticRoute", [("id", id(route))])
        let vpnGateway = run(user, "createVpnGateway", [("vpcid", id(vpc))])
        run(user, "listVpnGateways", [("vpcid", id(vpc))])
        run(user, "deleteVpnGateway", [("id", id(vpnGateway))])
        run(user, "deleteNetworkACL", [("id", id(item))])
        run(user, "deleteNetwork", [("id", id(tier))])
        run(user, "deleteNetworkACLList", [("id", id(list))])
        run(user, "deleteVPC", [("id", id(vpc))])

        let customer = run(
            user, "createVpnCustomerGateway",
            [
                ("gateway", "198.51.100.20"), ("cidrlist", "192.168.100.0/24"), ("ipsecpsk", "s3cr3tkey"),
                ("ikepolicy", "aes128-sha256;modp2048"), ("esppolicy", "aes128-sha256;modp2048"), ("name", "office"),
            ])
        run(
            user, "updateVpnCustomerGateway",
            [
                ("id", id(customer)), ("gateway", "198.51.100.20"), ("cidrlist", "192.168.100.0/24,192.168.101.0/24"),
                ("ipsecpsk", "s3cr3tkey"), ("ikepolicy", "aes128-sha256;modp2048"), ("esppolicy", "aes128-sha256;modp2048"),
            ])
        run(user, "listVpnCustomerGateways")
        run(user, "deleteVpnCustomerGateway", [("id", id(customer))])
    }
}

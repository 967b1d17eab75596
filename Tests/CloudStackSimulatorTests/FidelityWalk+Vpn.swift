@testable import CloudStackSimulator

extension FidelityWalk {
    /// Site-to-site VPN connections between a VPC's VPN gateway and a customer gateway, and what they forbid.
    func walkVpnConnections(user: TestClient, zone: String, vpcOffering: String) {
        let vpc = run(
            user, "createVPC",
            [
                ("name", "tunnelled"), ("displaytext", "tunnelled"), ("cidr", "10.40.0.0/16"), ("vpcofferingid", vpcOffering),
                ("zoneid", zone),
            ])
        let gateway = run(user, "createVpnGateway", [("vpcid", id(vpc))])
        let policy = "aes128-sha256;modp2048"
        let customer = run(
            user, "createVpnCustomerGateway",
            [
                ("gateway", "198.51.100.30"), ("cidrlist", "192.168.110.0/24"), ("ipsecpsk", "s3cr3tkey"), ("ikepolicy", policy),
                ("esppolicy", policy), ("name", "branch"),
            ])
        let connection = run(user, "createVpnConnection", [("s2svpngatewayid", id(gateway)), ("s2scustomergatewayid", id(customer))])
        if connection["state"]?.string != "Connected" { fail("createVpnConnection: started connection is \(connection["state"] ?? .null)") }
        run(user, "listVpnConnections", [("vpcid", id(vpc))])
        run(user, "resetVpnConnection", [("id", id(connection))])
        // 4.18 refuses to change a customer gateway that a live connection uses.
        let update = user.call(
            "updateVpnCustomerGateway",
            [
                ("id", id(customer)), ("gateway", "198.51.100.30"), ("cidrlist", "192.168.111.0/24"), ("ipsecpsk", "s3cr3tkey"),
                ("ikepolicy", policy), ("esppolicy", policy),
            ])
        if update.status != 431 { fail("updateVpnCustomerGateway with a Connected connection answered \(update.status)") }
        run(user, "deleteVpnConnection", [("id", id(connection))])
        run(user, "deleteVpnCustomerGateway", [("id", id(customer))])
        run(user, "deleteVpnGateway", [("id", id(gateway))])
        run(user, "deleteVPC", [("id", id(vpc))])
    }
}

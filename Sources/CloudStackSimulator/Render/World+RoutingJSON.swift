import JSON

extension World {
    /// Writes a `NetworkACLResponse` (`networkacllist`); the built-in lists carry no VPC.
    func writeNetworkACLList(_ list: NetworkACLList, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", list.id)
        w.member("name", list.name)
        w.member("description", list.description)
        if let vpcID = list.vpcID {
            w.member("vpcid", vpcID)
            w.member("vpcname", vpcs[vpcID]?.name ?? "")
        }
        w.member("fordisplay", true)
        w.endObject()
    }

    /// Writes a `NetworkACLItemResponse` (`networkacl`).
    func writeNetworkACLItem(_ item: NetworkACLItem, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", item.id)
        w.member("protocol", item.protocolName)
        if let start = item.startPort { w.member("startport", String(start)) }
        if let end = item.endPort { w.member("endport", String(end)) }
        w.member("traffictype", item.trafficType)
        w.member("state", "Active")
        w.member("cidrlist", item.cidrList.joined(separator: ","))
        if let type = item.icmpType { w.member("icmptype", type) }
        if let code = item.icmpCode { w.member("icmpcode", code) }
        writeTags(of: item.id, into: &w)
        w.member("aclid", item.aclID)
        w.member("aclname", networkACLLists[item.aclID]?.name ?? "")
        w.member("number", item.number)
        w.member("action", item.action)
        w.member("fordisplay", true)
        w.member("reason", ifPresent: item.reason)
        w.endObject()
    }

    /// Writes a `PrivateGatewayResponse` (`privategateway`).
    func writePrivateGateway(_ gateway: PrivateGateway, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", gateway.id)
        w.member("gateway", gateway.gateway)
        w.member("netmask", gateway.netmask)
        w.member("ipaddress", gateway.ipAddress)
        w.member("zoneid", gateway.zoneID)
        w.member("zonename", zones[gateway.zoneID]?.name ?? "")
        w.member("vlan", gateway.vlan)
        w.member("vpcid", gateway.vpcID)
        w.member("vpcname", vpcs[gateway.vpcID]?.name ?? "")
        w.member("physicalnetworkid", gateway.zoneID)
        writeOwner(gateway.accountID, into: &w)
        w.member("state", "Ready")
        w.member("sourcenatsupported", gateway.sourceNatSupported)
        w.member("aclid", gateway.aclID)
        w.member("aclname", networkACLLists[gateway.aclID]?.name ?? "")
        w.endObject()
    }

    /// Writes a `StaticRouteResponse` (`staticroute`).
    func writeStaticRoute(_ route: StaticRoute, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", route.id)
        w.member("cidr", route.cidr)
        w.member("gatewayid", route.gatewayID)
        w.member("state", route.state)
        w.member("vpcid", route.vpcID)
        writeOwner(route.accountID, into: &w)
        writeTags(of: route.id, into: &w)
        w.endObject()
    }
}

extension World {
    /// Writes a `Site2SiteCustomerGatewayResponse` (`vpncustomergateway`), with its pre-shared key as 4.18 does.
    func writeVpnCustomerGateway(_ gateway: VpnCustomerGateway, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", gateway.id)
        w.member("name", gateway.name)
        w.member("gateway", gateway.gateway)
        w.member("cidrlist", gateway.cidrList.joined(separator: ","))
        w.member("ipsecpsk", gateway.ipsecPSK)
        w.member("ikepolicy", gateway.ikePolicy)
        w.member("esppolicy", gateway.espPolicy)
        w.member("ikelifetime", gateway.ikeLifetime)
        w.member("esplifetime", gateway.espLifetime)
        w.member("dpd", gateway.dpd)
        w.member("forceencap", gateway.forceEncap)
        w.member("ikeversion", gateway.ikeVersion)
        w.member("splitconnections", gateway.splitConnections)
        writeOwner(gateway.accountID, into: &w)
        w.endObject()
    }
}

extension World {
    /// Writes a `Site2SiteVpnGatewayResponse` (`vpngateway`).
    func writeVpnGateway(_ gateway: VpnGateway, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", gateway.id)
        w.member("publicip", gateway.publicIP)
        w.member("vpcid", gateway.vpcID)
        w.member("vpcname", vpcs[gateway.vpcID]?.name ?? "")
        writeOwner(gateway.accountID, into: &w)
        w.member("fordisplay", true)
        w.endObject()
    }
}

extension World {
    /// Writes a `Site2SiteVpnConnectionResponse` (`vpnconnection`): its gateways' addresses and the customer
    /// gateway's settings, pre-shared key included, as 4.18 does.
    func writeVpnConnection(_ connection: VpnConnection, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", connection.id)
        w.member("s2svpngatewayid", connection.vpnGatewayID)
        if let gateway = vpnGateways[connection.vpnGatewayID] { w.member("publicip", gateway.publicIP) }
        w.member("s2scustomergatewayid", connection.customerGatewayID)
        if let customer = vpnCustomerGateways[connection.customerGatewayID] {
            w.member("gateway", customer.gateway)
            w.member("cidrlist", customer.cidrList.joined(separator: ","))
            w.member("ipsecpsk", customer.ipsecPSK)
            w.member("ikepolicy", customer.ikePolicy)
            w.member("esppolicy", customer.espPolicy)
            w.member("ikelifetime", customer.ikeLifetime)
            w.member("esplifetime", customer.espLifetime)
            w.member("dpd", customer.dpd)
            w.member("forceencap", customer.forceEncap)
        }
        w.member("state", connection.state)
        w.member("passive", connection.passive)
        if let customer = vpnCustomerGateways[connection.customerGatewayID] {
            w.member("splitconnections", customer.splitConnections)
            w.member("ikeversion", customer.ikeVersion)
        }
        writeOwner(connection.accountID, into: &w)
        w.member("created", DateText.format(connection.created))
        w.member("fordisplay", connection.forDisplay)
        w.endObject()
    }
}

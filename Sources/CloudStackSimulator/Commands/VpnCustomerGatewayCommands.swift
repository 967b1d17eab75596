import JSON

/// createVpnCustomerGateway, updateVpnCustomerGateway, deleteVpnCustomerGateway, listVpnCustomerGateways
/// (`Site2SiteVpnManagerImpl` in 4.18).
enum VpnCustomerGatewayCommands {
    static let all: [Command] = [create, update, delete, list]

    static let settings = [
        "dpd", "esplifetime", "forceencap", "ikelifetime", "ikeversion", "name", "splitconnections",
    ]

    static let create = Command(
        "createVpnCustomerGateway", async: true, required: ["cidrlist", "esppolicy", "gateway", "ikepolicy", "ipsecpsk"],
        accepts: ["account", "domainid", "projectid"] + settings
    ) { world, call, w in
        let owner = try call.owner(in: world)
        let id = world.ids.next()
        var gateway = VpnCustomerGateway(
            id: id, name: "", accountID: owner.id, gateway: "", cidrList: [], ipsecPSK: "", ikePolicy: "", espPolicy: "",
            ikeLifetime: 86400, espLifetime: 3600, dpd: false, forceEncap: false, ikeVersion: "ike", splitConnections: false)
        try apply(call, to: &gateway, world: world)
        world.vpnCustomerGateways[id] = gateway
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            guard let gateway = world.vpnCustomerGateways[id] else { throw APIError.internalError("Unable to find customer gateway \(id)") }
            return jobResult("vpncustomergateway") { world.writeVpnCustomerGateway(gateway, into: &$0) }
        }
    }

    static let update = Command(
        "updateVpnCustomerGateway", async: true, required: ["cidrlist", "esppolicy", "gateway", "id", "ikepolicy", "ipsecpsk"],
        accepts: ["account", "domainid"] + settings
    ) { world, call, w in
        var gateway = try call.requiredEntity(world.vpnCustomerGateways, "id")
        try call.checkAccess(gateway.accountID, resource: "Site2SiteCustomerGateway \(gateway.id)")
        if world.vpnConnections.all.contains(where: { $0.customerGatewayID == gateway.id && $0.state != "Error" }) {
            throw APIError.invalid("Unable to update customer gateway with connections in non-Error state!")
        }
        try apply(call, to: &gateway, world: world)
        world.vpnCustomerGateways[gateway.id] = gateway
        let id = gateway.id
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            guard let gateway = world.vpnCustomerGateways[id] else { throw APIError.internalError("Unable to find customer gateway \(id)") }
            return jobResult("vpncustomergateway") { world.writeVpnCustomerGateway(gateway, into: &$0) }
        }
    }

    static let delete = Command("deleteVpnCustomerGateway", async: true, required: ["id"]) { world, call, w in
        let gateway = try call.requiredEntity(world.vpnCustomerGateways, "id")
        try call.checkAccess(gateway.accountID, resource: "Site2SiteCustomerGateway \(gateway.id)")
        let id = gateway.id
        _ = call.startJob(&world, into: &w, instanceType: nil, instanceID: id) { world, _ in
            if world.vpnConnections.all.contains(where: { $0.customerGatewayID == id }) {
                throw APIError.invalid(
                    "Unable to delete VPN customer gateway with id \(id) because there is still related VPN connections!")
            }
            world.vpnCustomerGateways[id] = nil
            return AsyncJobBody.success
        }
    }

    static let list = Command(
        "listVpnCustomerGateways",
        accepts: ["account", "domainid", "id", "isrecursive", "keyword", "listall", "page", "pagesize", "projectid"]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id")
        let gateways = world.vpnCustomerGateways.filter { g in
            guard query.includes(account: g.accountID) else { return false }
            if let id, g.id != id { return false }
            return query.matchesKeyword(g.name)
        }
        query.write(gateways, item: "vpncustomergateway", into: &w) { gateway, w in world.writeVpnCustomerGateway(gateway, into: &w) }
    }

    /// The checks `Site2SiteVpnManagerImpl.createCustomerGateway`/`updateCustomerGateway` make.
    private static func apply(_ call: Call, to gateway: inout VpnCustomerGateway, world: World) throws {
        let address = try call.required("gateway")
        guard CIDR.isValidAddress(address) else { throw APIError.invalid("The customer gateway ip \(address) is invalid!") }
        let cidrs = call.list("cidrlist") ?? []
        for cidr in cidrs where !CIDR.isValid(cidr) { throw APIError.invalid("The customer gateway peer cidr \(cidr) is invalid!") }
        guard !cidrs.isEmpty else { throw APIError.invalid("The customer gateway peer cidr list is empty!") }
        let psk = try call.required("ipsecpsk")
        guard !psk.contains(where: { $0 == "&" || $0 == " " || $0 == "\"" }) else {
            throw APIError.invalid("The customer gateway IPSec pre-shared key contains invalid characters")
        }
        let ike = try call.required("ikepolicy"), esp = try call.required("esppolicy")
        for policy in [ike, esp] where !policy.contains("-") {
            throw APIError.invalid("The customer gateway policy \(policy) is invalid!")
        }
        let name = call.string("name") ?? (gateway.name.isEmpty ? "VPN-" + address : gateway.name)
        if world.vpnCustomerGateways.all.contains(where: { $0.id != gateway.id && $0.accountID == gateway.accountID && $0.name == name }) {
            throw APIError.invalid("The customer gateway with name \(name) already existed!")
        }
        if world.vpnCustomerGateways.all.contains(where: {
            $0.id != gateway.id && $0.accountID == gateway.accountID && $0.gateway == address
        }) {
            throw APIError.invalid("The customer gateway with ip \(address) already existed in the system!")
        }
        gateway.name = name
        gateway.gateway = address
        gateway.cidrList = cidrs
        gateway.ipsecPSK = psk
        gateway.ikePolicy = ike
        gateway.espPolicy = esp
        if let value = try call.long("ikelifetime") { gateway.ikeLifetime = value }
        if let value = try call.long("esplifetime") { gateway.espLifetime = value }
        if let value = call.bool("dpd") { gateway.dpd = value }
        if let value = call.bool("forceencap") { gateway.forceEncap = value }
        if let value = call.string("ikeversion") {
            guard ["ike", "ikev1", "ikev2"].contains(value) else { throw APIError.invalid("The IKE version \(value) is invalid") }
            gateway.ikeVersion = value
        }
        if let value = call.bool("splitconnections") { gateway.splitConnections = value }
    }
}

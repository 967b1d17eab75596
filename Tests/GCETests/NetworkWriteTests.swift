import CloudStack
import Foundation
import Testing

@testable import GCE

/// networks.insert/delete/patch, subnetworks.insert/delete/patch/listUsable, instances on a VPC network and
/// add/deleteNetworkInterface against the simulator (decision 0011).
@Suite("Network writes: VPC networks, tiers as subnetworks, instance interfaces")
struct NetworkWriteTests {
    static let root = "/compute/v1/projects/user1/"

    static func object(_ response: (status: Int, body: [UInt8])) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    static func text(_ response: (status: Int, body: [UInt8])) -> String { String(decoding: response.body, as: UTF8.self) }

    /// The zone names: the basic one and the advanced one (where VPCs go).
    static func zones(_ bridge: TestBridge, _ token: String) async throws -> (basic: String, advanced: String, region: String) {
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let names = (zones["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let (_, regions) = try await bridge.compute(.get, "regions", token: token)
        let region = try #require((regions["items"] as? [[String: Any]])?.first?["name"] as? String)
        return (
            try #require(names.first { $0.contains("basic") }), try #require(names.first { $0.contains("advanced") }), region
        )
    }

    static func credentials(_ bridge: TestBridge, _ account: String = "user1") throws -> CloudStackCredentials {
        let keys = try #require(bridge.simulator.credentials.first { $0.account == account })
        return CloudStackCredentials(apiKey: keys.apiKey, secretKey: keys.secretKey)
    }

    static func instanceBody(_ name: String, zone: String, interfaces: String) -> String {
        """
        {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/small-instance",
         "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/ubuntu-22-04-lts-simulator"}}],
         "networkInterfaces": \(interfaces)}
        """
    }

    @Test func customNetworkSubnetworkInstanceAndCleanDelete() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (basic, advanced, region) = try await Self.zones(bridge, token)
        let user = try Self.credentials(bridge)

        let inserted = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "prod", "autoCreateSubnetworks": false, "description": "production"}"#,
            token: token, validator: validator)
        #expect(inserted["operationType"] as? String == "insert")
        #expect((inserted["targetLink"] as? String) == "\(TestBridge.base)\(Self.root)global/networks/prod")
        let vpcs = try await bridge.client.listAll(CommandTable.listVPCs, ["name": "prod"], as: user)
        let vpc = try #require(vpcs.first)
        #expect(vpc.cidr == "10.0.0.0/8" && vpc.displaytext == "production" && vpc.zonename == "Sandbox-simulator-advanced")
        let lists = try await bridge.client.listAll(CommandTable.listNetworkACLLists, ["vpcid": vpc.id ?? ""], as: user)
        let firewalls = try #require(lists.first { $0.name == "gce-firewalls" })
        #expect(try await bridge.client.listAll(CommandTable.listNetworkACLs, ["aclid": firewalls.id ?? ""], as: user).isEmpty)

        var get = await bridge.send(.get, Self.root + "global/networks/prod", token: token)
        validator.add("Network", get.body, label: "networks.get")
        var network = try Self.object((get.status, get.body))
        #expect(network["autoCreateSubnetworks"] as? Bool == false)
        #expect(network["description"] as? String == "production")
        #expect(network["subnetworks"] == nil || (network["subnetworks"] as? [String]) == [])
        #expect(
            await bridge.send(
                .post, Self.root + "global/networks", body: #"{"name": "prod", "autoCreateSubnetworks": false}"#, token: token
            ).status == 409)

        // Ranges outside the VPC or overlapping a tier are refused naming ipCidrRange, with no createNetwork.
        let subnetworks = Self.root + "regions/\(region)/subnetworks"
        bridge.transport.log.reset()
        let outside = await bridge.send(
            .post, subnetworks, body: #"{"name": "web", "network": "global/networks/prod", "ipCidrRange": "192.168.5.0/24"}"#, token: token)
        #expect(outside.status == 400 && Self.text((outside.status, outside.body)).contains("ipCidrRange"))
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/subnetworks",
            body: #"{"name": "web", "network": "global/networks/prod", "ipCidrRange": "10.20.1.0/24", "description": "web tier"}"#,
            token: token, validator: validator)
        let overlap = await bridge.send(
            .post, subnetworks, body: #"{"name": "web2", "network": "global/networks/prod", "ipCidrRange": "10.20.1.128/25"}"#, token: token
        )
        #expect(overlap.status == 400 && Self.text((overlap.status, overlap.body)).contains("ipCidrRange"))
        #expect(
            !bridge.transport.log.commands.contains("createNetwork")
                || bridge.transport.log.commands.filter { $0 == "createNetwork" }.count == 1)
        let tier = try #require(try await bridge.client.listAll(CommandTable.listNetworks, ["vpcid": vpc.id ?? ""], as: user).first)
        #expect(tier.gateway == "10.20.1.1" && tier.netmask == "255.255.255.0" && tier.cidr == "10.20.1.0/24")
        #expect(tier.aclid == firewalls.id && tier.networkofferingname == "DefaultIsolatedNetworkOfferingForVpcNetworks")

        get = await bridge.send(.get, subnetworks + "/web", token: token)
        validator.add("Subnetwork", get.body, label: "subnetworks.get")
        let subnetwork = try Self.object((get.status, get.body))
        #expect(subnetwork["network"] as? String == "\(TestBridge.base)\(Self.root)global/networks/prod")
        #expect(subnetwork["ipCidrRange"] as? String == "10.20.1.0/24" && subnetwork["gatewayAddress"] as? String == "10.20.1.1")
        #expect(subnetwork["description"] as? String == "web tier")
        (_, network) = try await bridge.compute(.get, "global/networks/prod", token: token)
        #expect(network["subnetworks"] as? [String] == ["\(TestBridge.base)\(Self.root)regions/\(region)/subnetworks/web"])

        // An instance on the tier at a fixed address; in the basic zone the VPC's tier is refused naming the field.
        let wrongZone = await bridge.send(
            .post, Self.root + "zones/\(basic)/instances",
            body: Self.instanceBody(
                "vm-1", zone: basic,
                interfaces: #"[{"network": "global/networks/prod", "subnetwork": "regions/\#(region)/subnetworks/web"}]"#),
            token: token)
        #expect(wrongZone.status == 400 && Self.text((wrongZone.status, wrongZone.body)).contains("networkInterfaces[0].subnetwork"))
        let badIP = await bridge.send(
            .post, Self.root + "zones/\(advanced)/instances",
            body: Self.instanceBody(
                "vm-1", zone: advanced, interfaces: #"[{"network": "global/networks/prod", "networkIP": "10.30.0.5"}]"#),
            token: token)
        #expect(badIP.status == 400 && Self.text((badIP.status, badIP.body)).contains("networkInterfaces[0].networkIP"))
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances",
            body: Self.instanceBody(
                "vm-1", zone: advanced,
                interfaces:
                    #"[{"network": "global/networks/prod", "subnetwork": "regions/\#(region)/subnetworks/web", "networkIP": "10.20.1.50"}]"#
            ),
            token: token, validator: validator)
        get = await bridge.send(.get, Self.root + "zones/\(advanced)/instances/vm-1", token: token)
        validator.add("Instance", get.body, label: "instances.get")
        let instance = try Self.object((get.status, get.body))
        let nic = try #require((instance["networkInterfaces"] as? [[String: Any]])?.first)
        #expect(nic["network"] as? String == "\(TestBridge.base)\(Self.root)global/networks/prod")
        #expect(nic["subnetwork"] as? String == "\(TestBridge.base)\(Self.root)regions/\(region)/subnetworks/web")
        #expect(nic["networkIP"] as? String == "10.20.1.50")

        // In use: the subnetwork has an instance, the network a subnetwork.
        let busyTier = await bridge.send(.delete, subnetworks + "/web", token: token)
        #expect(busyTier.status == 400 && Self.text((busyTier.status, busyTier.body)).contains("resourceInUseByAnotherResource"))
        let busyNetwork = await bridge.send(.delete, Self.root + "global/networks/prod", token: token)
        #expect(busyNetwork.status == 400 && Self.text((busyNetwork.status, busyNetwork.body)).contains("resourceInUseByAnotherResource"))

        _ = try await DiskTests.run(bridge, .delete, "zones/\(advanced)/instances/vm-1", body: nil, token: token, validator: validator)
        // A deleted instance keeps its NIC until CloudStack expunges it (the admin sees it Destroyed).
        let admin = try Self.credentials(bridge, "admin")
        let destroyed = try await bridge.client.listAll(CommandTable.listVirtualMachines, ["name": "vm-1", "listall": "true"], as: admin)
        #expect(destroyed.map(\.state) == ["Destroyed"])
        let expunging = try await bridge.client.call(CommandTable.expungeVirtualMachine, ["id": destroyed.first?.id ?? ""], as: admin)
        _ = try await bridge.client.awaitJob(expunging.jobid, as: admin)
        let deletedTier = try await DiskTests.run(
            bridge, .delete, "regions/\(region)/subnetworks/web", body: nil, token: token, validator: validator)
        #expect((deletedTier["region"] as? String)?.hasSuffix("/regions/\(region)") == true)
        _ = try await DiskTests.run(bridge, .delete, "global/networks/prod", body: nil, token: token, validator: validator)
        #expect(try await bridge.client.listAll(CommandTable.listVPCs, Parameters(), as: user).isEmpty)
        #expect(try await bridge.client.listAll(CommandTable.listNetworks, Parameters(), as: user).allSatisfy { $0.vpcid == nil })
        #expect(await bridge.send(.get, Self.root + "global/networks/prod", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func autoModeNetworkHasItsRegionalSubnetworkAndDeletesIt() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, _, region) = try await Self.zones(bridge, token)
        let user = try Self.credentials(bridge)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "auto-1", "autoCreateSubnetworks": true}"#, token: token,
            validator: validator)
        let get = await bridge.send(.get, Self.root + "global/networks/auto-1", token: token)
        validator.add("Network", get.body, label: "networks.get auto")
        let network = try Self.object((get.status, get.body))
        #expect(network["autoCreateSubnetworks"] as? Bool == true)
        #expect(network["subnetworks"] as? [String] == ["\(TestBridge.base)\(Self.root)regions/\(region)/subnetworks/auto-1"])
        let (_, subnetwork) = try await bridge.compute(.get, "regions/\(region)/subnetworks/auto-1", token: token)
        #expect(subnetwork["ipCidrRange"] as? String == "10.128.0.0/20")
        #expect(try await bridge.client.listAll(CommandTable.listVPCs, Parameters(), as: user).first?.cidr == "10.128.0.0/9")
        // The auto subnetwork goes with its network.
        _ = try await DiskTests.run(bridge, .delete, "global/networks/auto-1", body: nil, token: token, validator: validator)
        #expect(try await bridge.client.listAll(CommandTable.listVPCs, Parameters(), as: user).isEmpty)
        #expect(try await bridge.client.listAll(CommandTable.listNetworks, Parameters(), as: user).allSatisfy { $0.vpcid == nil })
        #expect(try validator.problems() == [])
    }

    @Test func whatCloudStackCannotKeepIsRefusedNamingItWithoutACall() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (_, _, region) = try await Self.zones(bridge, token)
        let cases: [(String, String, String)] = [
            ("global/networks", #"{"name": "n", "IPv4Range": "10.0.0.0/16"}"#, "IPv4Range"),
            ("global/networks", #"{"name": "n"}"#, "autoCreateSubnetworks"),
            ("global/networks", #"{"name": "n", "autoCreateSubnetworks": false, "mtu": 1500}"#, "resource.mtu"),
            (
                "global/networks", #"{"name": "n", "autoCreateSubnetworks": false, "routingConfig": {"routingMode": "GLOBAL"}}"#,
                "routingMode"
            ),
            ("global/networks", #"{"name": "n", "autoCreateSubnetworks": false, "enableUlaInternalIpv6": true}"#, "enableUlaInternalIpv6"),
            (
                "regions/\(region)/subnetworks",
                #"{"name": "s", "network": "n", "ipCidrRange": "10.0.0.0/24", "privateIpGoogleAccess": true}"#, "privateIpGoogleAccess"
            ),
            (
                "regions/\(region)/subnetworks",
                #"{"name": "s", "network": "n", "ipCidrRange": "10.0.0.0/24", "purpose": "INTERNAL_HTTPS_LOAD_BALANCER"}"#, "purpose"
            ),
            (
                "regions/\(region)/subnetworks", #"{"name": "s", "network": "n", "ipCidrRange": "10.0.0.0/24", "stackType": "IPV4_IPV6"}"#,
                "stackType"
            ),
            (
                "regions/\(region)/subnetworks",
                #"{"name": "s", "network": "n", "ipCidrRange": "10.0.0.0/24", "logConfig": {"enable": true}}"#, "logConfig"
            ),
            (
                "regions/\(region)/subnetworks",
                #"{"name": "s", "network": "n", "ipCidrRange": "10.0.0.0/24", "secondaryIpRanges": [{"rangeName": "a", "ipCidrRange": "10.1.0.0/24"}]}"#,
                "secondaryIpRanges"
            ),
        ]
        for (path, body, field) in cases {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, Self.root + path, body: body, token: token)
            #expect(response.status == 400, "\(body)")
            #expect(Self.text((response.status, response.body)).contains(field), "\(body): \(Self.text((response.status, response.body)))")
            #expect(bridge.transport.log.commands == [], "\(body)")
        }
        // `default` and a network of its own cannot take subnetworks, and `default` cannot be deleted.
        for network in ["default", "user1-network"] {
            let response = await bridge.send(
                .post, Self.root + "regions/\(region)/subnetworks",
                body: #"{"name": "s", "network": "global/networks/\#(network)", "ipCidrRange": "10.7.0.0/24"}"#, token: token)
            #expect(response.status == 400 && Self.text((response.status, response.body)).contains("resource.network"), "\(network)")
        }
        #expect(await bridge.send(.delete, Self.root + "global/networks/default", token: token).status == 400)
        #expect(await bridge.send(.delete, Self.root + "regions/\(region)/subnetworks/default", token: token).status == 400)
    }

    @Test func patchKeepsWhatItCanAndChecksTheFingerprint() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, _, region) = try await Self.zones(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "net-p", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        _ = try await DiskTests.run(
            bridge, .patch, "global/networks/net-p", body: #"{"description": "patched", "routingConfig": {"routingMode": "REGIONAL"}}"#,
            token: token, validator: validator)
        var (_, network) = try await bridge.compute(.get, "global/networks/net-p", token: token)
        #expect(network["description"] as? String == "patched")
        let global = await bridge.send(
            .patch, Self.root + "global/networks/net-p", body: #"{"routingConfig": {"routingMode": "GLOBAL"}}"#, token: token)
        #expect(global.status == 400 && Self.text((global.status, global.body)).contains("routingMode"))
        let rename = await bridge.send(.patch, Self.root + "global/networks/net-p", body: #"{"name": "other"}"#, token: token)
        #expect(rename.status == 400 && Self.text((rename.status, rename.body)).contains("resource.name"))
        (_, network) = try await bridge.compute(.get, "global/networks/net-p", token: token)
        #expect(network["description"] as? String == "patched")

        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/subnetworks", body: #"{"name": "s-p", "network": "net-p", "ipCidrRange": "10.9.0.0/24"}"#,
            token: token, validator: validator)
        let path = Self.root + "regions/\(region)/subnetworks/s-p"
        let (_, before) = try await bridge.compute(.get, "regions/\(region)/subnetworks/s-p", token: token)
        let fingerprint = try #require(before["fingerprint"] as? String)
        #expect(await bridge.send(.patch, path, body: #"{"description": "x"}"#, token: token).status == 400)
        #expect(await bridge.send(.patch, path, body: #"{"description": "x", "fingerprint": "c3RhbGU="}"#, token: token).status == 412)
        let widen = await bridge.send(
            .patch, path, body: #"{"ipCidrRange": "10.9.0.0/16", "fingerprint": "\#(fingerprint)"}"#, token: token)
        #expect(widen.status == 400 && Self.text((widen.status, widen.body)).contains("ipCidrRange"))
        _ = try await DiskTests.run(
            bridge, .patch, "regions/\(region)/subnetworks/s-p", body: #"{"description": "db tier", "fingerprint": "\#(fingerprint)"}"#,
            token: token, validator: validator)
        let (_, after) = try await bridge.compute(.get, "regions/\(region)/subnetworks/s-p", token: token)
        #expect(after["description"] as? String == "db tier")
        #expect(after["fingerprint"] as? String != fingerprint)
        // listUsable has every subnetwork.
        let usable = await bridge.send(.get, Self.root + "aggregated/subnetworks/listUsable", token: token)
        validator.add("UsableSubnetworksAggregatedList", usable.body, label: "listUsable")
        let items = try Self.object((usable.status, usable.body))["items"] as? [[String: Any]] ?? []
        #expect(items.contains { ($0["subnetwork"] as? String)?.hasSuffix("/subnetworks/s-p") == true })
        #expect(items.contains { ($0["subnetwork"] as? String)?.hasSuffix("/subnetworks/default") == true })
        #expect(try validator.problems() == [])
    }

    @Test func instancesGetSeveralInterfacesInOrderAndAddAndDeleteThem() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, advanced, region) = try await Self.zones(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "multi", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        for (name, range) in [("front", "10.40.1.0/24"), ("back", "10.40.2.0/24"), ("spare", "10.40.3.0/24")] {
            _ = try await DiskTests.run(
                bridge, .post, "regions/\(region)/subnetworks",
                body: #"{"name": "\#(name)", "network": "multi", "ipCidrRange": "\#(range)"}"#, token: token, validator: validator)
        }
        // A network with several subnetworks in the zone needs `subnetwork`.
        let ambiguous = await bridge.send(
            .post, Self.root + "zones/\(advanced)/instances",
            body: Self.instanceBody("vm-m", zone: advanced, interfaces: #"[{"network": "multi"}]"#), token: token)
        #expect(ambiguous.status == 400 && Self.text((ambiguous.status, ambiguous.body)).contains("networkInterfaces[0].subnetwork"))
        bridge.transport.log.reset()
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances",
            body: Self.instanceBody(
                "vm-m", zone: advanced,
                interfaces: #"[{"subnetwork": "regions/\#(region)/subnetworks/back"}, {"network": "multi", "subnetwork": "front"}]"#),
            token: token, validator: validator)
        let deploy = try #require(bridge.transport.log.all.first { $0.contains("command=deployVirtualMachine") })
        #expect(deploy.contains("networkids=") && !deploy.contains("iptonetworklist"))
        var (_, instance) = try await bridge.compute(.get, "zones/\(advanced)/instances/vm-m", token: token)
        var nics = instance["networkInterfaces"] as? [[String: Any]] ?? []
        #expect(nics.compactMap { ($0["subnetwork"] as? String).map(lastSegment) } == ["back", "front"])
        #expect(nics.compactMap { $0["name"] as? String } == ["nic0", "nic1"])

        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances/vm-m/addNetworkInterface",
            body: #"{"network": "multi", "subnetwork": "spare", "networkIP": "10.40.3.9"}"#, token: token, validator: validator)
        let get = await bridge.send(.get, Self.root + "zones/\(advanced)/instances/vm-m", token: token)
        validator.add("Instance", get.body, label: "instances.get 3 nics")
        instance = try Self.object((get.status, get.body))
        nics = instance["networkInterfaces"] as? [[String: Any]] ?? []
        #expect(nics.count == 3 && nics.last?["networkIP"] as? String == "10.40.3.9")
        let first = await bridge.send(
            .post, Self.root + "zones/\(advanced)/instances/vm-m/deleteNetworkInterface?networkInterfaceName=nic0", token: token)
        #expect(first.status == 400)
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances/vm-m/deleteNetworkInterface?networkInterfaceName=nic2", body: nil, token: token,
            validator: validator)
        (_, instance) = try await bridge.compute(.get, "zones/\(advanced)/instances/vm-m", token: token)
        nics = instance["networkInterfaces"] as? [[String: Any]] ?? []
        #expect(nics.compactMap { ($0["subnetwork"] as? String).map(lastSegment) } == ["back", "front"])
        // Every link in the answers resolves.
        for nic in nics {
            for key in ["network", "subnetwork"] {
                let link = try #require(nic[key] as? String)
                #expect(await bridge.send(.get, String(link.dropFirst(TestBridge.base.count)), token: token).status == 200, "\(link)")
            }
        }
        #expect(try validator.problems() == [])
    }
}

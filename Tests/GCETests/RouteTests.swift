import CloudStack
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("routes.list / get / insert / delete")
struct RouteTests {
    static let project = "/compute/v1/projects/user1/"
    static let listVPCOfferings = ListCommand<VPC>("listVPCOfferings", item: "vpcoffering")
    static let listNetworkOfferings = ListCommand<VPC>("listNetworkOfferings", item: "networkoffering")
    static let createPrivateGateway = AsyncCommand<PrivateGateway>("createPrivateGateway", jobResult: "privategateway")

    /// A CloudStack VPC `name` (10.30.0.0/16) with one tier and a private gateway whose next hop is 192.168.60.1, made
    /// as the user (VPC, tier) and the root admin (private gateway: admin-only in 4.18).
    static func vpc(_ bridge: TestBridge, name: String = "corp") async throws {
        let user = CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        let keys = try #require(bridge.simulator.credentials.first)
        let admin = CloudStackCredentials(apiKey: keys.apiKey, secretKey: keys.secretKey)
        let zones = try await bridge.client.listAll(CommandTable.listZones, Parameters(), as: user)
        let zone = try #require(zones.first { $0.networktype == "Advanced" }?.id)
        let vpcOffering = try #require(try await bridge.client.listAll(Self.listVPCOfferings, Parameters(), as: user).first?.id)
        let tierOffering = try #require(try await bridge.client.listAll(Self.listNetworkOfferings, ["forvpc": "true"], as: user).first?.id)
        let vpc = try await bridge.client.run(
            CommandTable.createVPC,
            ["name": name, "displaytext": name, "cidr": "10.30.0.0/16", "vpcofferingid": vpcOffering, "zoneid": zone], as: user)
        let vpcUUID = try #require(vpc.id)
        _ = try await bridge.client.call(
            CommandTable.createNetwork,
            [
                "name": name + "-tier1", "displaytext": "tier1", "networkofferingid": tierOffering, "zoneid": zone, "vpcid": vpcUUID,
                "gateway": "10.30.1.1", "netmask": "255.255.255.0",
            ], as: user)
        _ = try await bridge.client.run(
            Self.createPrivateGateway,
            ["vpcid": vpcUUID, "ipaddress": "192.168.60.2", "gateway": "192.168.60.1", "netmask": "255.255.255.0", "vlan": "60"],
            as: admin)
    }

    static func names(_ list: [String: Any]) -> [String] {
        (list["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }

    @Test func systemRoutesAreSynthesisedStableAndUndeletable() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        try await Self.vpc(bridge)
        let list = await bridge.send(.get, Self.project + "global/routes", token: token)
        #expect(list.status == 200)
        validator.add("RouteList", list.body, label: "routes.list")
        let items = try #require(try DiskTests.object((list.status, list.body))["items"] as? [[String: Any]])
        // The VPC is one network: its default route to the internet and its tier's local route.
        let corp = items.filter { ($0["network"] as? String)?.hasSuffix("/global/networks/corp") == true }
        let internet = try #require(corp.first { $0["destRange"] as? String == "0.0.0.0/0" })
        #expect((internet["nextHopGateway"] as? String)?.hasSuffix("/global/gateways/default-internet-gateway") == true)
        #expect(internet["priority"] as? Int == 1000)
        let local = try #require(corp.first { $0["destRange"] as? String == "10.30.1.0/24" })
        #expect((local["nextHopNetwork"] as? String)?.hasSuffix("/global/networks/corp") == true)
        #expect(local["routeType"] as? String == "SUBNET")
        // `default` always has its internet route.
        #expect(
            items.contains {
                ($0["network"] as? String)?.hasSuffix("/global/networks/default") == true && $0["destRange"] as? String == "0.0.0.0/0"
            })
        for route in items { #expect((route["name"] as? String)?.hasPrefix("default-route-") == true) }
        // Names are stable: the same in a second list, and get by name and by id answer the same route.
        let (_, again) = try await bridge.compute(.get, "global/routes", token: token)
        #expect(Self.names(again) == items.compactMap { $0["name"] as? String })
        let name = try #require(internet["name"] as? String)
        let get = await bridge.send(.get, Self.project + "global/routes/\(name)", token: token)
        #expect(get.status == 200)
        validator.add("Route", get.body, label: "routes.get")
        let (byID, _) = try await bridge.compute(.get, "global/routes/\(internet["id"] as? String ?? "")", token: token)
        #expect(byID == 200)
        bridge.transport.log.reset()
        let delete = await bridge.send(.delete, Self.project + "global/routes/\(name)", token: token)
        #expect(delete.status == 400)
        #expect(String(decoding: delete.body, as: UTF8.self).contains("system route"))
        #expect(!bridge.transport.log.commands.contains("deleteStaticRoute"))
        #expect(await bridge.send(.get, Self.project + "global/routes/no-such-route", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func staticRouteToAPrivateGateway() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        try await Self.vpc(bridge)
        let op = try await DiskTests.run(
            bridge, .post, "global/routes",
            body:
                #"{"name": "to-office", "description": "office LAN", "network": "global/networks/corp", "destRange": "172.20.0.0/16", "nextHopIp": "192.168.60.1", "priority": 1000}"#,
            token: token, validator: validator)
        #expect(op["operationType"] as? String == "insert")
        #expect((op["targetLink"] as? String)?.hasSuffix("/global/routes/to-office") == true)
        let get = await bridge.send(.get, Self.project + "global/routes/to-office", token: token)
        #expect(get.status == 200)
        validator.add("Route", get.body, label: "routes.get static")
        let route = try DiskTests.object((get.status, get.body))
        #expect(route["destRange"] as? String == "172.20.0.0/16")
        #expect(route["nextHopIp"] as? String == "192.168.60.1")
        #expect(route["description"] as? String == "office LAN")
        #expect(route["routeType"] as? String == "STATIC")
        #expect((route["network"] as? String)?.hasSuffix("/global/networks/corp") == true)
        let (_, filtered) = try await bridge.compute(.get, "global/routes?filter=nextHopIp+%3D+192.168.60.1", token: token)
        #expect(Self.names(filtered) == ["to-office"])
        let again = await bridge.send(
            .post, Self.project + "global/routes",
            body: #"{"name": "to-office", "network": "global/networks/corp", "destRange": "172.21.0.0/16", "nextHopIp": "192.168.60.1"}"#,
            token: token)
        #expect(again.status == 409)
        // A next hop that is no private gateway's, and a network that is not a VPC.
        for (body, field) in [
            (#"{"name": "r2", "network": "global/networks/corp", "destRange": "172.22.0.0/16", "nextHopIp": "192.168.61.1"}"#, "nextHopIp"),
            (
                #"{"name": "r2", "network": "global/networks/default", "destRange": "172.22.0.0/16", "nextHopIp": "192.168.60.1"}"#,
                "resource.network"
            ),
        ] {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, Self.project + "global/routes", body: body, token: token)
            #expect(response.status == 400)
            #expect(String(decoding: response.body, as: UTF8.self).contains(field))
            #expect(!bridge.transport.log.commands.contains("createStaticRoute"))
        }
        let deleted = try await DiskTests.run(bridge, .delete, "global/routes/to-office", body: nil, token: token, validator: validator)
        #expect(deleted["operationType"] as? String == "delete")
        #expect(await bridge.send(.get, Self.project + "global/routes/to-office", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func insertRefusesOtherNextHopsWithoutCallingCloudStack() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let base = #""name": "r", "network": "global/networks/corp", "destRange": "172.20.0.0/16""#
        for (extra, field) in [
            (#""nextHopInstance": "zones/z/instances/i""#, "resource.nextHopInstance"),
            (#""nextHopVpnTunnel": "regions/r/vpnTunnels/t""#, "resource.nextHopVpnTunnel"),
            (#""nextHopIlb": "10.0.0.5""#, "resource.nextHopIlb"),
            (#""nextHopGateway": "global/gateways/default-internet-gateway""#, "resource.nextHopGateway"),
            (#""nextHopGateway": "global/gateways/other""#, "resource.nextHopGateway"),
            (#""nextHopNetwork": "global/networks/corp""#, "resource.nextHopNetwork"),
            (#""nextHopIp": "192.168.60.1", "tags": ["web"]"#, "resource.tags"),
            (#""nextHopIp": "192.168.60.1", "priority": 100"#, "resource.priority"),
            (#""nextHopIp": "not-an-ip""#, "resource.nextHopIp"),
            (#""description": "no hop""#, "nextHopIp"),
        ] {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, Self.project + "global/routes", body: "{\(base), \(extra)}", token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(extra): \(text)")
            #expect(text.contains(field), "\(extra): \(text)")
            #expect(bridge.transport.log.commands.isEmpty, "\(extra): \(bridge.transport.log.commands)")
        }
        for range in ["172.20.0.0/33", "172.20.0.0", "2001:db8::/32", "172.20.0.0/016"] {
            let body = #"{"name": "r", "network": "global/networks/corp", "destRange": "\#(range)", "nextHopIp": "192.168.60.1"}"#
            let response = await bridge.send(.post, Self.project + "global/routes", body: body, token: token)
            #expect(response.status == 400)
            #expect(String(decoding: response.body, as: UTF8.self).contains("resource.destRange"))
        }
    }
}

import CloudStackSimulator
import Foundation
import Testing

@testable import GCE

@Suite("Networks and subnetworks")
struct NetworksTests {
    static let root = "/compute/v1/projects/user1/"

    @Test func defaultIsTheBasicZonesSharedNetworkAndIsolatedNetworksAreTheirOwn() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let list = await bridge.send(.get, Self.root + "global/networks", token: token)
        #expect(list.status == 200)
        validator.add("NetworkList", list.body, label: "networks.list")
        let (_, networks) = try await bridge.compute(.get, "global/networks", token: token)
        let items = networks["items"] as? [[String: Any]] ?? []
        // user1 sees the basic zone's shared network (as `default`) and its own isolated network; not user2's.
        #expect(items.compactMap { $0["name"] as? String } == ["default", "user1-network"])
        let region = try #require(
            ((try await bridge.compute(.get, "regions", token: token)).1["items"] as? [[String: Any]])?.first?["name"] as? String)
        for network in items {
            let name = try #require(network["name"] as? String)
            #expect((network["selfLink"] as? String) == "\(TestBridge.base)\(Self.root)global/networks/\(name)")
            #expect((network["autoCreateSubnetworks"] as? Bool) == false)
            let subnetworks = network["subnetworks"] as? [String] ?? []
            #expect(subnetworks.count == 1)
            for link in subnetworks {
                #expect(link.hasPrefix("\(TestBridge.base)\(Self.root)regions/\(region)/subnetworks/"))
                let get = await bridge.send(.get, String(link.dropFirst(TestBridge.base.count)), token: token)
                #expect(get.status == 200)
                validator.add("Subnetwork", get.body, label: "subnetworks.get \(link)")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(get.body)) as? [String: Any])
                #expect((body["network"] as? String) == network["selfLink"] as? String)
            }
            let get = await bridge.send(.get, Self.root + "global/networks/\(name)", token: token)
            #expect(get.status == 200)
            validator.add("Network", get.body, label: "networks.get \(name)")
            let id = try #require(network["id"] as? String)
            #expect(await bridge.send(.get, Self.root + "global/networks/\(id)", token: token).status == 200)
        }
        let (_, subnetworks) = try await bridge.compute(.get, "regions/\(region)/subnetworks", token: token)
        let subnets = subnetworks["items"] as? [[String: Any]] ?? []
        let basic = try #require(subnets.first { $0["name"] as? String == "default" })
        #expect(basic["ipCidrRange"] as? String == "10.1.0.0/16")
        #expect(basic["gatewayAddress"] as? String == "10.1.0.1")
        #expect(basic["region"] as? String == "\(TestBridge.base)\(Self.root)regions/\(region)")
        #expect(subnets.contains { $0["name"] as? String == "user1-network" })
        validator.add(
            "SubnetworkList", await bridge.send(.get, Self.root + "regions/\(region)/subnetworks", token: token).body, label: "list")
        let aggregated = await bridge.send(.get, Self.root + "aggregated/subnetworks", token: token)
        #expect(aggregated.status == 200)
        validator.add("SubnetworkAggregatedList", aggregated.body, label: "subnetworks.aggregatedList")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(aggregated.body)) as? [String: Any])
        let scopes = try #require(object["items"] as? [String: [String: Any]])
        #expect(Array(scopes.keys) == ["regions/\(region)"])
        #expect((scopes["regions/\(region)"]?["subnetworks"] as? [[String: Any]])?.count == 2)
        #expect(try validator.problems() == [])
    }

    @Test func unknownNamesAreNotFoundAndUtilisationViewsAreRefused() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let region = try #require(
            ((try await bridge.compute(.get, "regions", token: token)).1["items"] as? [[String: Any]])?.first?["name"] as? String)
        #expect(await bridge.send(.get, Self.root + "global/networks/nope", token: token).status == 404)
        // Another account's isolated network is not the caller's.
        #expect(await bridge.send(.get, Self.root + "global/networks/user2-network", token: token).status == 404)
        #expect(await bridge.send(.get, Self.root + "regions/\(region)/subnetworks/nope", token: token).status == 404)
        #expect(await bridge.send(.get, Self.root + "regions/elsewhere/subnetworks/default", token: token).status == 404)
        #expect(await bridge.send(.get, Self.root + "regions/elsewhere/subnetworks", token: token).status == 404)
        bridge.transport.log.reset()
        let refused = await bridge.send(.get, Self.root + "regions/\(region)/subnetworks?views=WITH_UTILIZATION", token: token)
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("views"))
        #expect(await bridge.send(.get, Self.root + "aggregated/subnetworks?views=BOGUS", token: token).status == 400)
        #expect(bridge.transport.log.commands == [])
        #expect(await bridge.send(.get, Self.root + "regions/\(region)/subnetworks?views=DEFAULT", token: token).status == 200)
    }

    @Test func filtersSelectNetworksAndSubnetworks() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let (_, filtered) = try await bridge.compute(.get, "global/networks?filter=name%20%3D%20default", token: token)
        #expect((filtered["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["default"])
        let (_, subnets) = try await bridge.compute(.get, "aggregated/subnetworks?filter=ipCidrRange%20%3D%2010.1.0.0%2F16", token: token)
        let scopes = subnets["items"] as? [String: [String: Any]] ?? [:]
        let names = scopes.values.flatMap { ($0["subnetworks"] as? [[String: Any]]) ?? [] }.compactMap { $0["name"] as? String }
        #expect(names == ["default"])
    }

    @Test func instanceNetworkLinksResolveAndListingTenVMsCostsThreeCallsThenTwo() async throws {
        let bridge = try TestBridge(seed: SeedData(userAccounts: 1, vmsPerAccount: 10))
        let token = try await bridge.token()
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let names = (zones["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.count == 2)
        var networks = Set<String>()
        for (index, zone) in names.enumerated() {
            bridge.transport.log.reset()
            let (status, list) = try await bridge.compute(.get, "zones/\(zone)/instances", token: token)
            #expect(status == 200)
            // The NICs' networks and subnetworks: listNetworks (listVPCs only when a NIC is on a VPC tier), once, then
            // kept in the shared catalog; the region comes from the catalog, which zones.list filled.
            #expect(
                bridge.transport.log.commands
                    == (index == 0 ? ["listVirtualMachines", "listVolumes", "listNetworks"] : ["listVirtualMachines", "listVolumes"]))
            let items = list["items"] as? [[String: Any]] ?? []
            #expect(items.count == 5)
            for instance in items {
                for interface in instance["networkInterfaces"] as? [[String: Any]] ?? [] {
                    networks.insert(try #require(interface["network"] as? String))
                    networks.insert(try #require(interface["subnetwork"] as? String))
                }
            }
        }
        #expect(networks.contains("\(TestBridge.base)\(Self.root)global/networks/default"))
        // default and user1-network, each with its subnetwork.
        #expect(networks.count == 4)
        for link in networks {
            #expect(await bridge.send(.get, String(link.dropFirst(TestBridge.base.count)), token: token).status == 200, "\(link)")
        }
    }
}

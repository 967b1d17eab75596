import Foundation
import Testing

@testable import GCE

/// Instance views link every NIC to its network and subnetwork from the shared catalog's network list: kept while
/// it holds every NIC's network, read again after a network change made through the bridge, and read again when a
/// NIC is on a network the kept list lacks (made by another CloudStack client).
@Suite struct NetworkLinkCacheTests {
    static func subnetworks(_ bridge: TestBridge, zone: String, token: String, validator: SchemaValidator) async throws
        -> [String: String]
    {
        let response = await bridge.send(.get, NetworkWriteTests.root + "zones/\(zone)/instances", token: token)
        #expect(response.status == 200)
        validator.add("InstanceList", response.body, label: "instances.list")
        let items = try NetworkWriteTests.object((response.status, response.body))["items"] as? [[String: Any]] ?? []
        var result: [String: String] = [:]
        for item in items {
            let nic = (item["networkInterfaces"] as? [[String: Any]])?.first
            result[item["name"] as? String ?? "?"] = (nic?["subnetwork"] as? String)?.split(separator: "/").last.map(String.init)
        }
        return result
    }

    @Test func instanceListsKeepTheNetworksUntilAChangeAndSeeNetworksMadeElsewhere() async throws {
        let bridge = try TestBridge(seed: .empty)
        let other = try TestBridge(sharingSimulatorOf: bridge)
        let token = try await bridge.token()
        let otherToken = try await other.token()
        let validator = SchemaValidator()
        let (_, zone, region) = try await NetworkWriteTests.zones(bridge, token)
        func subnetwork(_ on: TestBridge, _ name: String, _ range: String, token: String) async throws {
            _ = try await DiskTests.run(
                on, .post, "regions/\(region)/subnetworks",
                body: #"{"name": "\#(name)", "network": "mine", "ipCidrRange": "\#(range)"}"#, token: token, validator: validator)
        }
        func instance(_ on: TestBridge, _ name: String, on subnetwork: String, token: String) async throws {
            _ = try await DiskTests.run(
                on, .post, "zones/\(zone)/instances",
                body: NetworkWriteTests.instanceBody(
                    name, zone: zone, interfaces: #"[{"subnetwork": "regions/\#(region)/subnetworks/\#(subnetwork)"}]"#),
                token: token, validator: validator)
        }
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "mine", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        try await subnetwork(bridge, "front", "10.50.1.0/24", token: token)
        try await instance(bridge, "vm-a", on: "front", token: token)
        #expect(try await Self.subnetworks(bridge, zone: zone, token: token, validator: validator) == ["vm-a": "front"])
        bridge.transport.log.reset()
        #expect(try await Self.subnetworks(bridge, zone: zone, token: token, validator: validator) == ["vm-a": "front"])
        #expect(!bridge.transport.log.commands.contains("listNetworks"))
        #expect(!bridge.transport.log.commands.contains("listVPCs"))

        // Made through the other bridge, as any other CloudStack client would: the kept list lacks the new tier.
        try await subnetwork(other, "back", "10.50.2.0/24", token: otherToken)
        try await instance(other, "vm-b", on: "back", token: otherToken)
        bridge.transport.log.reset()
        #expect(
            try await Self.subnetworks(bridge, zone: zone, token: token, validator: validator) == ["vm-a": "front", "vm-b": "back"])
        #expect(bridge.transport.log.commands.filter { $0 == "listNetworks" }.count == 1)
        #expect(bridge.transport.log.commands.filter { $0 == "listVPCs" }.count == 1)
        bridge.transport.log.reset()
        _ = try await Self.subnetworks(bridge, zone: zone, token: token, validator: validator)
        #expect(!bridge.transport.log.commands.contains("listNetworks"))

        // A change made through this bridge: the next list reads the networks again, though it knows every NIC's.
        try await subnetwork(bridge, "spare", "10.50.3.0/24", token: token)
        bridge.transport.log.reset()
        _ = try await Self.subnetworks(bridge, zone: zone, token: token, validator: validator)
        #expect(bridge.transport.log.commands.contains("listNetworks"))
        #expect(try validator.problems().isEmpty)
    }
}

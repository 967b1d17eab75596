import Foundation
import Pipeline
import Testing

@testable import GCE

/// instances.insert with a reserved `natIP` acquired for another CloudStack network than nic0's: refused naming the
/// field before the deploy, so no instance is left behind a 400 (CloudStack's static NAT takes an address only on
/// its own network or VPC; docs/decisions/0013).
@Suite("Reserved natIP on another network")
struct AccessConfigNetworkTests {
    @Test func natIPOfAnotherNetworkIsRefusedBeforeTheDeploy() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, region) = try await AddressTests.setting(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/addresses", body: #"{"name": "pub"}"#, token: token, validator: validator)
        let (_, address) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        let natIP = try #require(address["address"] as? String)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "vpc-net", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/subnetworks",
            body: #"{"name": "vpc-web", "network": "global/networks/vpc-net", "ipCidrRange": "10.60.1.0/24"}"#, token: token,
            validator: validator)
        bridge.transport.log.reset()
        let interfaces = #"[{"network": "vpc-net", "subnetwork": "vpc-web", "accessConfigs": [{"natIP": "\#(natIP)"}]}]"#
        let refused = await bridge.send(
            .post, NetworkWriteTests.root + "zones/\(zone)/instances",
            body: NetworkWriteTests.instanceBody("vm-x", zone: zone, interfaces: interfaces), token: token)
        let text = NetworkWriteTests.text((refused.status, refused.body))
        #expect(refused.status == 400 && text.contains("networkInterfaces[0].accessConfigs[0].natIP"), "\(text)")
        #expect(!bridge.transport.log.all.contains { $0.contains("command=deployVirtualMachine") })
        #expect(await bridge.send(.get, NetworkWriteTests.root + "zones/\(zone)/instances/vm-x", token: token).status == 404)
        // Nothing was bound: the address is still free.
        let (_, reserved) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        #expect(reserved["status"] as? String == "RESERVED")
        #expect(try validator.problems() == [])
    }

    @Test func addAccessConfigWithANatIPOfAnotherNetworkIsRefusedBeforeStaticNat() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, region) = try await AddressTests.setting(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/addresses", body: #"{"name": "pub"}"#, token: token, validator: validator)
        let (_, address) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        let natIP = try #require(address["address"] as? String)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "vpc-net", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/subnetworks",
            body: #"{"name": "vpc-web", "network": "global/networks/vpc-net", "ipCidrRange": "10.60.1.0/24"}"#, token: token,
            validator: validator)
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(zone)/instances",
            body: NetworkWriteTests.instanceBody("vm-y", zone: zone, interfaces: #"[{"network": "vpc-net", "subnetwork": "vpc-web"}]"#),
            token: token, validator: validator)
        bridge.transport.log.reset()
        let refused = await bridge.send(
            .post, NetworkWriteTests.root + "zones/\(zone)/instances/vm-y/addAccessConfig?networkInterface=nic0",
            body: #"{"name": "External NAT", "natIP": "\#(natIP)"}"#, token: token)
        let text = NetworkWriteTests.text((refused.status, refused.body))
        #expect(refused.status == 400 && text.contains("natIP") && text.contains("not moved"), "\(text)")
        #expect(!bridge.transport.log.commands.contains("enableStaticNat"))
        #expect(!bridge.transport.log.commands.contains("disassociateIpAddress"))
        let (_, reserved) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        #expect(reserved["status"] as? String == "RESERVED" && reserved["id"] as? String == address["id"] as? String)
        // An ephemeral access config is what an instance on a custom network takes.
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(zone)/instances/vm-y/addAccessConfig?networkInterface=nic0", body: #"{"name": "External NAT"}"#,
            token: token, validator: validator)
        #expect(try validator.problems() == [])
    }
}

import CloudStack
import Foundation
import Testing

@testable import GCE

@Suite("Network tags are security-group membership")
struct TagSecurityGroupTests {
    static func groupsOf(_ bridge: TestBridge, _ name: String) async throws -> [String] {
        let vms = try await bridge.client.listAll(
            CommandTable.listVirtualMachines, ["name": name],
            as: CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey))
        return try #require(vms.first).securitygroup.compactMap(\.name).sorted()
    }

    @Test func insertJoinsTagGroupsAndSetTagsMovesAStoppedInstance() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        let body = """
            {"name": "tagged", "machineType": "\(machineType)", "tags": {"items": ["web", "db"]},
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try FirewallsTests.object(insert), token: token)
        #expect(try await Self.groupsOf(bridge, "tagged") == ["default", "gce-tag-db", "gce-tag-web"])

        let (_, firewalls) = try await bridge.compute(
            .get, "zones/\(zone)/instances/tagged/getEffectiveFirewalls?networkInterface=nic0", token: token)
        #expect((firewalls["firewalls"] as? [Any])?.isEmpty ?? true)

        let (_, before) = try await bridge.compute(.get, "zones/\(zone)/instances/tagged", token: token)
        let fingerprint = try #require((before["tags"] as? [String: Any])?["fingerprint"] as? String)
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/tagged/stop", token: token)
        _ = try await bridge.waitDone(try FirewallsTests.object(stop), token: token)
        let set = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/tagged/setTags",
            body: "{\"fingerprint\": \"\(fingerprint)\", \"items\": [\"api\"]}", token: token)
        #expect(set.status == 200, "\(String(decoding: set.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try FirewallsTests.object(set), token: token)
        #expect(try await Self.groupsOf(bridge, "tagged") == ["default", "gce-tag-api"])
    }

    @Test func anInstanceWithoutTagsStaysInDefaultOnly() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        bridge.transport.log.reset()
        let body = """
            {"name": "plain", "machineType": "\(machineType)",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        _ = try await bridge.waitDone(try FirewallsTests.object(insert), token: token)
        #expect(try await Self.groupsOf(bridge, "plain") == ["default"])
        #expect(!bridge.transport.log.commands.contains("createSecurityGroup"))
    }
}

import CloudStack
import Foundation
import Testing

@testable import GCE

/// Instances are named from the VM alone (`ResourceNames.ownName`), so lists can be cut from CloudStack's pages.
@Suite("Instance names from the VM alone")
struct InstanceNamesTests {
    /// Deploys a VM called `name` straight through CloudStack (as another tool would) in the basic zone.
    static func deploy(_ bridge: TestBridge, _ name: String) async throws -> String {
        let user = try NetworkWriteTests.credentials(bridge)
        let zone = try #require(
            try await bridge.client.listAll(CommandTable.listZones, Parameters(), as: user).first { $0.networktype == "Basic" }?.id)
        let offering = try #require(try await bridge.client.listAll(CommandTable.listServiceOfferings, Parameters(), as: user).first?.id)
        let template = try #require(
            try await bridge.client.listAll(CommandTable.listTemplates, ["templatefilter": "executable"], as: user).first?.id)
        let vm = try await bridge.client.run(
            CommandTable.deployVirtualMachine, ["zoneid": zone, "serviceofferingid": offering, "templateid": template, "name": name],
            as: user)
        return try #require(vm.id)
    }

    @Test func aNameGCECannotHoldIsSluggedWithItsUUIDAndTwinsAreReachedById() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (basic, _, _) = try await NetworkWriteTests.zones(bridge, token)
        let upper = try await Self.deploy(bridge, "Web-1")
        let twins = [try await Self.deploy(bridge, "twin"), try await Self.deploy(bridge, "twin")]

        let validator = SchemaValidator()
        let list = await bridge.send(.get, NetworkWriteTests.root + "zones/\(basic)/instances", token: token)
        validator.add("InstanceList", list.body, label: "instances.list")
        let items = try NetworkWriteTests.object((list.status, list.body))["items"] as? [[String: Any]] ?? []
        let slug = ResourceNames.ownName("Web-1", id: upper)
        #expect(slug.hasPrefix("web-1-") && slug != "web-1")
        #expect(items.compactMap { $0["name"] as? String } == [slug, "twin", "twin"])
        // The boot disk is named after its instance, and the disk's users link resolves.
        let (_, disk) = try await bridge.compute(.get, "zones/\(basic)/disks/\(slug)", token: token)
        let users = disk["users"] as? [String] ?? []
        #expect(users.count == 1 && users.first?.hasSuffix("/instances/\(slug)") == true, "\(disk)")
        #expect(try await bridge.compute(.get, "zones/\(basic)/instances/\(slug)", token: token).0 == 200)

        // Two VMs CloudStack named alike share the name: a 400 naming their numeric ids, each reachable by id.
        try await Self.expectTwins(bridge, token, "zones/\(basic)/instances", name: "twin", uuids: twins)
        #expect(try validator.problems() == [])
    }

    /// `name` in `collection` is shared by the rows with `uuids`: a get by it is 400 naming each one's numeric id, and
    /// a get by that id answers the row, under the shared name.
    static func expectTwins(_ bridge: TestBridge, _ token: String, _ collection: String, name: String, uuids: [String]) async throws {
        let ambiguous = await bridge.send(.get, NetworkWriteTests.root + "\(collection)/\(name)", token: token)
        let message = NetworkWriteTests.text((ambiguous.status, ambiguous.body))
        #expect(ambiguous.status == 400, "\(message)")
        for uuid in uuids {
            let id = String(ResourceID.of(uuid))
            #expect(message.contains(id), "\(message)")
            let (status, row) = try await bridge.compute(.get, "\(collection)/\(id)", token: token)
            #expect(status == 200 && row["name"] as? String == name && row["id"] as? String == id)
        }
    }
}

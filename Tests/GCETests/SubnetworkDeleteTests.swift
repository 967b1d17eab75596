import CloudStack
import Foundation
import Testing

@testable import GCE

@Suite("subnetworks.delete while a deleted instance is not expunged yet")
struct SubnetworkDeleteTests {
    static let root = "/compute/v1/projects/user1/"

    @Test func aDestroyedInstanceHoldsTheTierAndTheDeleteIsA400NotAFailedOperation() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let region = try await VPCFirewallsTests.prod(bridge, token, validator)
        let (_, advanced, _) = try await NetworkWriteTests.zones(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances",
            body: NetworkWriteTests.instanceBody(
                "vm-1", zone: advanced,
                interfaces: #"[{"network": "global/networks/prod", "subnetwork": "regions/\#(region)/subnetworks/web"}]"#),
            token: token, validator: validator)
        _ = try await DiskTests.run(bridge, .delete, "zones/\(advanced)/instances/vm-1", body: nil, token: token, validator: validator)
        // CloudStack 4.18 hides the Destroyed VM from its owner, yet deleteNetwork fails while it has a NIC there.
        let user = VPCFirewallsTests.user(bridge)
        #expect(try await bridge.client.listAll(CommandTable.listVirtualMachines, ["name": "vm-1"], as: user).isEmpty)
        let admin = try NetworkWriteTests.credentials(bridge, "admin")
        let destroyed = try await bridge.client.listAll(CommandTable.listVirtualMachines, ["name": "vm-1", "listall": "true"], as: admin)
        #expect(destroyed.map(\.state) == ["Destroyed"])

        let path = Self.root + "regions/\(region)/subnetworks/web"
        let refused = await bridge.send(.delete, path, token: token)
        let text = String(decoding: refused.body, as: UTF8.self)
        #expect(refused.status == 400, "\(text)")
        #expect(text.contains("resourceInUseByAnotherResource") && text.contains("expunge"), "\(text)")
        #expect(await bridge.send(.get, path, token: token).status == 200)

        let expunging = try await bridge.client.call(CommandTable.expungeVirtualMachine, ["id": destroyed.first?.id ?? ""], as: admin)
        _ = try await bridge.client.awaitJob(expunging.jobid, as: admin)
        _ = try await DiskTests.run(bridge, .delete, "regions/\(region)/subnetworks/web", body: nil, token: token, validator: validator)
        #expect(await bridge.send(.get, path, token: token).status == 404)
        #expect(try validator.problems() == [])
    }
}

import Foundation
import Pipeline
import Testing

@testable import GCE

/// Operations of network, subnetwork and address jobs in globalOperations.list, regionOperations.list and
/// globalOperations.aggregatedList: each one the method answered, with the fields get answers (NetworkJobOperations).
@Suite("Network operations in the operation lists")
struct NetworkOperationListTests {
    static let root = "/compute/v1/projects/user1/"

    /// The items of an operation list, schema-checked.
    static func items(_ bridge: TestBridge, _ path: String, token: String, validator: SchemaValidator) async throws -> [[String: Any]] {
        let response = await bridge.send(.get, Self.root + path, token: token)
        #expect(response.status == 200, "\(path): \(String(decoding: response.body, as: UTF8.self))")
        validator.add("OperationList", response.body, label: path)
        let list = try NetworkWriteTests.object((response.status, response.body))
        return list["items"] as? [[String: Any]] ?? []
    }

    /// Whether the listed operation of that name answers what get answers for it.
    static func expectSameAsGet(_ listed: [[String: Any]], _ name: String, _ bridge: TestBridge, token: String) async throws {
        let item = try #require(listed.first { $0["name"] as? String == name }, "\(name) is not in \(listed.map { $0["name"] ?? "" })")
        let link = try #require(item["selfLink"] as? String)
        let response = await bridge.send(.get, String(link.dropFirst(TestBridge.base.count)), token: token)
        let got = try NetworkWriteTests.object((response.status, response.body))
        for key in [
            "id", "name", "operationType", "targetLink", "targetId", "status", "insertTime", "endTime", "region", "zone", "selfLink",
        ] {
            #expect("\(item[key] ?? "-")" == "\(got[key] ?? "-")", "\(name): \(key)")
        }
    }

    @Test func networkSubnetworkAndAddressJobsAreListedInTheirScopes() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, _, region) = try await NetworkWriteTests.zones(bridge, token)
        let run = { (method: HTTPMethod, path: String, body: String?) in
            try await DiskTests.run(bridge, method, path, body: body, token: token, validator: validator)
        }

        let networkInsert = try await run(.post, "global/networks", #"{"name": "ops", "autoCreateSubnetworks": false}"#)
        _ = try await run(
            .post, "regions/\(region)/subnetworks", #"{"name": "ops-web", "network": "global/networks/ops", "ipCidrRange": "10.30.0.0/24"}"#
        )
        let (_, subnetwork) = try await bridge.compute(.get, "regions/\(region)/subnetworks/ops-web", token: token)
        let fingerprint = try #require(subnetwork["fingerprint"] as? String)
        let subnetworkPatch = try await run(
            .patch, "regions/\(region)/subnetworks/ops-web", #"{"description": "web tier", "fingerprint": "\#(fingerprint)"}"#)
        let addressInsert = try await run(.post, "regions/\(region)/addresses", #"{"name": "ops-ip"}"#)

        var global = try await Self.items(bridge, "global/operations", token: token, validator: validator)
        var regional = try await Self.items(bridge, "regions/\(region)/operations", token: token, validator: validator)
        let networkInsertName = try #require(networkInsert["name"] as? String)
        let subnetworkPatchName = try #require(subnetworkPatch["name"] as? String)
        let addressInsertName = try #require(addressInsert["name"] as? String)
        try await Self.expectSameAsGet(global, networkInsertName, bridge, token: token)
        try await Self.expectSameAsGet(regional, subnetworkPatchName, bridge, token: token)
        try await Self.expectSameAsGet(regional, addressInsertName, bridge, token: token)
        let listedInsert = global.first { $0["name"] as? String == networkInsertName }
        #expect(listedInsert?["targetLink"] as? String == "\(TestBridge.base)\(Self.root)global/networks/ops")
        #expect(listedInsert?["status"] as? String == "DONE" && listedInsert?["operationType"] as? String == "insert")
        // Each scope holds only its own kinds.
        #expect(!global.contains { ($0["targetLink"] as? String)?.contains("/regions/") == true })
        #expect(!regional.contains { ($0["targetLink"] as? String)?.contains("/global/") == true })

        let addressDelete = try await run(.delete, "regions/\(region)/addresses/ops-ip", nil)
        let subnetworkDelete = try await run(.delete, "regions/\(region)/subnetworks/ops-web", nil)
        let networkDelete = try await run(.delete, "global/networks/ops", nil)
        global = try await Self.items(bridge, "global/operations", token: token, validator: validator)
        regional = try await Self.items(bridge, "regions/\(region)/operations", token: token, validator: validator)
        for (operation, list) in [
            (networkDelete, global), (networkInsert, global), (subnetworkDelete, regional), (addressDelete, regional),
        ] {
            try await Self.expectSameAsGet(list, try #require(operation["name"] as? String), bridge, token: token)
        }
        // A target gone is shown by its numeric id, as get shows it.
        let gone = global.first { $0["name"] as? String == networkDelete["name"] as? String }
        #expect(gone?["operationType"] as? String == "delete")

        // Filters and paging work as on every list.
        let inserts = try await Self.items(
            bridge, "regions/\(region)/operations?filter=operationType%3Dinsert", token: token, validator: validator)
        #expect(inserts.map { $0["name"] as? String } == [addressInsertName])
        let page = await bridge.send(.get, Self.root + "regions/\(region)/operations?maxResults=1", token: token)
        let first = try NetworkWriteTests.object((page.status, page.body))
        #expect((first["items"] as? [[String: Any]])?.count == 1 && first["nextPageToken"] is String)

        let aggregated = await bridge.send(.get, Self.root + "aggregated/operations", token: token)
        validator.add("OperationAggregatedList", aggregated.body, label: "globalOperations.aggregatedList")
        let scopes = try #require(try NetworkWriteTests.object((aggregated.status, aggregated.body))["items"] as? [String: Any])
        let names = { (key: String) in
            ((scopes[key] as? [String: Any])?["operations"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(Set(names("global")).isSuperset(of: [networkInsertName, try #require(networkDelete["name"] as? String)]))
        #expect(
            Set(names("regions/\(region)")).isSuperset(of: [
                addressInsertName, subnetworkPatchName, try #require(subnetworkDelete["name"] as? String),
            ]))
        #expect(await bridge.send(.get, Self.root + "regions/nowhere/operations", token: token).status == 404)
        #expect(try validator.problems() == [])
    }
    @Test func routeJobsAreListedGlobally() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        try await RouteTests.vpc(bridge)
        let insert = try await DiskTests.run(
            bridge, .post, "global/routes",
            body: #"{"name": "to-office", "network": "global/networks/corp", "destRange": "172.20.0.0/16", "nextHopIp": "192.168.60.1"}"#,
            token: token, validator: validator)
        var global = try await Self.items(bridge, "global/operations", token: token, validator: validator)
        try await Self.expectSameAsGet(global, try #require(insert["name"] as? String), bridge, token: token)
        #expect(
            global.first { $0["name"] as? String == insert["name"] as? String }?["targetLink"] as? String
                == "\(TestBridge.base)\(Self.root)global/routes/to-office")
        let delete = try await DiskTests.run(bridge, .delete, "global/routes/to-office", body: nil, token: token, validator: validator)
        global = try await Self.items(bridge, "global/operations", token: token, validator: validator)
        try await Self.expectSameAsGet(global, try #require(delete["name"] as? String), bridge, token: token)
        let (_, _, region) = try await NetworkWriteTests.zones(bridge, token)
        let regional = try await Self.items(bridge, "regions/\(region)/operations", token: token, validator: validator)
        #expect(
            !regional.contains {
                ($0["operationType"] as? String) == "insert" && ($0["targetLink"] as? String)?.contains("/routes/") == true
            })
        #expect(try validator.problems() == [])
    }
    @Test func interfaceJobsAreListedInTheInstancesZone() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, advanced, region) = try await NetworkWriteTests.zones(bridge, token)
        let run = { (method: HTTPMethod, path: String, body: String?) in
            try await DiskTests.run(bridge, method, path, body: body, token: token, validator: validator)
        }
        _ = try await run(.post, "global/networks", #"{"name": "nics", "autoCreateSubnetworks": false}"#)
        for (name, range) in [("front", "10.40.1.0/24"), ("spare", "10.40.3.0/24")] {
            _ = try await run(
                .post, "regions/\(region)/subnetworks", #"{"name": "\#(name)", "network": "nics", "ipCidrRange": "\#(range)"}"#)
        }
        _ = try await run(
            .post, "zones/\(advanced)/instances",
            NetworkWriteTests.instanceBody("vm-n", zone: advanced, interfaces: #"[{"network": "nics", "subnetwork": "front"}]"#))
        let added = try await run(
            .post, "zones/\(advanced)/instances/vm-n/addNetworkInterface", #"{"network": "nics", "subnetwork": "spare"}"#)
        let removed = try await run(.post, "zones/\(advanced)/instances/vm-n/deleteNetworkInterface?networkInterfaceName=nic1", nil)
        let zonal = try await Self.items(bridge, "zones/\(advanced)/operations", token: token, validator: validator)
        for operation in [added, removed] {
            try await Self.expectSameAsGet(zonal, try #require(operation["name"] as? String), bridge, token: token)
        }
        let types = zonal.filter { ($0["targetLink"] as? String)?.hasSuffix("/instances/vm-n") == true }.compactMap {
            $0["operationType"] as? String
        }
        #expect(types.contains("addNetworkInterface") && types.contains("deleteNetworkInterface"))
        #expect(try validator.problems() == [])
    }
}

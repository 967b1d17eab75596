import Foundation
import Testing

@testable import GCE

@Suite("Instances and zone operations")
struct InstanceTests {
    /// The first zone's name and an image name.
    static func setting(_ bridge: TestBridge, _ token: String) async throws -> (zone: String, image: String, machineType: String) {
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require(
            (zones["items"] as? [[String: Any]])?.first { ($0["name"] as? String)?.contains("basic") == true }?["name"] as? String)
        let (_, images) = try await bridge.compute(.get, "global/images", token: token)
        let image = try #require((images["items"] as? [[String: Any]])?.first?["name"] as? String)
        return (zone, image, "small-instance")
    }

    @Test func insertWaitGetListAndLifecycle() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, machineType) = try await Self.setting(bridge, token)
        let body = """
            {"name": "web-1", "description": "front end", "machineType": "zones/\(zone)/machineTypes/\(machineType)",
             "disks": [{"boot": true, "autoDelete": true, "initializeParams": {"sourceImage": "projects/debian-cloud/global/images/\(image)", "diskSizeGb": "20"}}],
             "networkInterfaces": [{"network": "global/networks/default"}],
             "metadata": {"items": [{"key": "startup-script", "value": "#!/bin/sh\\necho hi"}, {"key": "color", "value": "\(String(repeating: "b", count: 600))"}]},
             "labels": {"env": "prod", "team": "web"}, "tags": {"items": ["http-server"]}}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "instances.insert")
        let operation = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        #expect(operation["status"] as? String == "PENDING")
        #expect(operation["operationType"] as? String == "insert")
        #expect(operation["targetLink"] as? String == "\(TestBridge.base)/compute/v1/projects/user1/zones/\(zone)/instances/web-1")
        let name = try #require(operation["name"] as? String)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/operations/\(name)", token: token)
        #expect(get.status == 200)
        let running = try #require(try JSONSerialization.jsonObject(with: Data(get.body)) as? [String: Any])
        #expect(running["status"] as? String == "RUNNING")
        validator.add("Operation", get.body, label: "zoneOperations.get")
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil)
        #expect(done["progress"] as? Int == 100)

        let (status, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/web-1", token: token)
        #expect(status == 200)
        #expect(instance["status"] as? String == "RUNNING")
        #expect(instance["description"] as? String == "front end")
        #expect((instance["machineType"] as? String)?.hasSuffix("/zones/\(zone)/machineTypes/small-instance") == true)
        #expect(instance["labels"] as? [String: String] == ["env": "prod", "team": "web"])
        #expect((instance["tags"] as? [String: Any])?["items"] as? [String] == ["http-server"])
        let items = ((instance["metadata"] as? [String: Any])?["items"] as? [[String: String]]) ?? []
        #expect(items.map { $0["key"] ?? "" } == ["startup-script", "color"])
        #expect(items.last?["value"]?.count == 600)
        let disks = instance["disks"] as? [[String: Any]] ?? []
        #expect(disks.first?["boot"] as? Bool == true)
        #expect(disks.first?["diskSizeGb"] as? String == "20")
        validator.add(
            "Instance", (await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/web-1", token: token)).body,
            label: "instances.get")

        let duplicate = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(duplicate.status == 409)

        let diskLink = try #require(disks.first?["source"] as? String)
        let disk = await bridge.send(.get, String(diskLink.dropFirst(TestBridge.base.count)), token: token)
        #expect(disk.status == 200)
        validator.add("Disk", disk.body, label: "disks.get")
        let diskObject = try #require(try JSONSerialization.jsonObject(with: Data(disk.body)) as? [String: Any])
        #expect(diskObject["users"] as? [String] == [TestBridge.base + "/compute/v1/projects/user1/zones/\(zone)/instances/web-1"])
        #expect(diskObject["sizeGb"] as? String == "20")
        validator.add(
            "DiskList", (await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/disks", token: token)).body,
            label: "disks.list")
        validator.add(
            "DiskAggregatedList", (await bridge.send(.get, "/compute/v1/projects/user1/aggregated/disks", token: token)).body,
            label: "disks.aggregatedList")

        let list = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token)
        validator.add("InstanceList", list.body, label: "instances.list")
        let aggregated = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/instances", token: token)
        validator.add("InstanceAggregatedList", aggregated.body, label: "instances.aggregatedList")
        let ops = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/operations", token: token)
        validator.add("OperationList", ops.body, label: "zoneOperations.list")
        let opList = try JSONSerialization.jsonObject(with: Data(ops.body)) as? [String: Any]
        #expect((opList?["items"] as? [[String: Any]])?.contains { $0["name"] as? String == name } == true)

        for (verb, expected) in [("stop", "TERMINATED"), ("start", "RUNNING"), ("reset", "RUNNING")] {
            let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/web-1/\(verb)", token: token)
            #expect(response.status == 200)
            validator.add("Operation", response.body, label: "instances.\(verb)")
            let op = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(op["operationType"] as? String == verb)
            let finished = try await bridge.waitDone(op, token: token)
            #expect(finished["error"] == nil, "\(finished)")
            let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/web-1", token: token)
            #expect(after["status"] as? String == expected)
        }

        let delete = await bridge.send(.delete, "/compute/v1/projects/user1/zones/\(zone)/instances/web-1", token: token)
        #expect(delete.status == 200)
        let deleteOp = try #require(try JSONSerialization.jsonObject(with: Data(delete.body)) as? [String: Any])
        _ = try await bridge.waitDone(deleteOp, token: token)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/web-1", token: token).status == 404)
        let opDelete = await bridge.send(.delete, "/compute/v1/projects/user1/zones/\(zone)/operations/\(name)", token: token)
        #expect(opDelete.status == 204)
        #expect(try validator.problems() == [])
    }

    @Test func failedJobsBecomeOperationErrors() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await Self.setting(bridge, token)
        let body = """
            {"name": "db-1", "machineType": "zones/\(zone)/machineTypes/\(machineType)",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        let op = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        _ = try await bridge.waitDone(op, token: token)
        // Starting a running VM fails in CloudStack's job: the operation is DONE with Google's error fields.
        let start = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/db-1/start", token: token)
        let startOp = try #require(try JSONSerialization.jsonObject(with: Data(start.body)) as? [String: Any])
        let finished = try await bridge.waitDone(startOp, token: token)
        // CloudStack reports a failed job's exception with jobresultcode 530; the mapping is the same as for calls.
        let expected = GCEError(code: 530, text: "")
        #expect(finished["httpErrorStatusCode"] as? Int == expected.status)
        #expect(finished["httpErrorMessage"] as? String == expected.httpErrorMessage)
        let errors = (finished["error"] as? [String: Any])?["errors"] as? [[String: Any]]
        #expect(errors?.first?["code"] as? String == expected.operationCode)
        #expect((errors?.first?["message"] as? String)?.contains("already running") == true)
        let validator = SchemaValidator()
        validator.add("Operation", try JSONSerialization.data(withJSONObject: finished).map { $0 }, label: "failed operation")
        #expect(try validator.problems() == [])
    }

    @Test func badInsertsAreRefusedWithGoogleErrors() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await Self.setting(bridge, token)
        let cases: [(String, Int)] = [
            ("{\"name\": \"Bad_Name\", \"machineType\": \"small-instance\"}", 400),
            ("{\"machineType\": \"small-instance\"}", 400),
            (
                "{\"name\": \"ok\", \"machineType\": \"nope\", \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/\(image)\"}}]}",
                404
            ),
            (
                "{\"name\": \"ok\", \"machineType\": \"small-instance\", \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/none\"}}]}",
                404
            ),
            (
                "{\"name\": \"ok\", \"machineType\": \"small-instance\", \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/family/nope\"}}]}",
                404
            ),
            ("{\"name\": ", 400),
            (
                "{\"name\": \"labelled\", \"machineType\": \"small-instance\", \"labels\": {\"Bad\": \"x\"}, \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/\(image)\"}}]}",
                400
            ),
            (
                "{\"name\": \"tagged\", \"machineType\": \"small-instance\", \"tags\": {\"items\": [\"Bad Tag\"]}, \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/\(image)\"}}]}",
                400
            ),
        ]
        for (body, status) in cases {
            let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
            #expect(response.status == status, "\(body): \(String(decoding: response.body, as: UTF8.self))")
        }
        // A well-formed insert into an unknown zone: the body is decoded first, so it must be valid to reach the zone lookup.
        let elsewhere =
            "{\"name\": \"ok\", \"machineType\": \"small-instance\", \"disks\": [{\"initializeParams\": {\"sourceImage\": \"global/images/\(image)\"}}]}"
        #expect(await bridge.send(.post, "/compute/v1/projects/user1/zones/nowhere/instances", body: elsewhere, token: token).status == 404)
        // Refused inserts created nothing.
        let (_, list) = try await bridge.compute(.get, "zones/\(zone)/instances", token: token)
        #expect(list["items"] == nil)
    }

    @Test func zonalListsAskForTheirZoneOnlyAndZonesAndNetworksAreCached() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let (zone, _, _) = try await Self.setting(bridge, token)
        bridge.transport.log.reset()
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token).status == 200)
        // The NICs' networks are named over all of them (listNetworks, then kept in the shared catalog; the region for
        // subnetwork links comes from the catalog, filled when the zones were listed).
        #expect(bridge.transport.log.commands == ["listVirtualMachines", "listVolumes", "listNetworks"])
        #expect(bridge.transport.log.all.prefix(2).allSatisfy { $0.contains("zoneid=") })
        bridge.transport.log.reset()
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token).status == 200)
        // The zone's volumes (the instances' disks) are kept too: for 10 seconds, and not past a volume change here.
        #expect(bridge.transport.log.commands == ["listVirtualMachines"])
        bridge.clock.advance(seconds: 11)
        bridge.transport.log.reset()
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token).status == 200)
        #expect(bridge.transport.log.commands == ["listVirtualMachines", "listVolumes"])
        let disk = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks", body: #"{"name": "cache-check", "sizeGb": "1"}"#, token: token)
        #expect(disk.status == 200, "\(String(decoding: disk.body, as: UTF8.self))")
        bridge.transport.log.reset()
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token).status == 200)
        #expect(bridge.transport.log.commands == ["listVirtualMachines", "listVolumes"])
        bridge.clock.advance(seconds: 20)
        bridge.transport.log.reset()
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances", token: token).status == 200)
        #expect(bridge.transport.log.commands == ["listZones", "listVirtualMachines", "listVolumes", "listNetworks", "listRegions"])
        bridge.transport.log.reset()
        let aggregated = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/instances", token: token)
        // The region and the networks come from the shared catalog, as the zones do.
        #expect(bridge.transport.log.commands == ["listVirtualMachines", "listVolumes"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(aggregated.body)) as? [String: Any])
        let scopes = try #require(object["items"] as? [String: [String: Any]])
        #expect(scopes.count == 2)
        #expect(scopes.values.compactMap { $0["instances"] as? [[String: Any]] }.map(\.count).reduce(0, +) == 2)
    }
}

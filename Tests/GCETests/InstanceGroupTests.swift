import CloudStack
import Foundation
import Testing

@testable import GCE

@Suite("instanceGroups: insert, get, list, aggregatedList, addInstances, removeInstances, listInstances, setNamedPorts, delete")
struct InstanceGroupTests {
    /// A bridge with running instances `a` and `b` in the basic zone.
    static func withInstances() async throws -> (TestBridge, String, String) {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        for name in ["a", "b"] {
            let body = """
                {"name": "\(name)", "machineType": "\(machineType)",
                 "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}]}
                """
            let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
            _ = try await bridge.waitDone(
                try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any]), token: token)
        }
        return (bridge, token, zone)
    }

    static func instances(_ zone: String, _ names: [String]) -> String {
        let items = names.map { "{\"instance\": \"\(TestBridge.base)/compute/v1/projects/user1/zones/\(zone)/instances/\($0)\"}" }
        return "{\"instances\": [\(items.joined(separator: ", "))]}"
    }

    static func members(_ bridge: TestBridge, _ zone: String, _ group: String, state: String = "ALL", token: String) async throws
        -> [String]
    {
        let (status, listed) = try await bridge.compute(
            .post, "zones/\(zone)/instanceGroups/\(group)/listInstances", body: "{\"instanceState\": \"\(state)\"}", token: token)
        #expect(status == 200, "\(listed)")
        return ((listed["items"] as? [[String: Any]]) ?? []).compactMap {
            ($0["instance"] as? String)?.split(separator: "/").last.map(String.init)
        }
    }

    @Test func lifecycleKeepsMembershipInCloudStack() async throws {
        let (bridge, token, zone) = try await Self.withInstances()
        let validator = SchemaValidator()
        let groups = "/compute/v1/projects/user1/zones/\(zone)/instanceGroups"
        let insert = await bridge.send(.post, groups, body: "{\"name\": \"web\"}", token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "instanceGroups.insert")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        #expect(op["operationType"] as? String == "insert" && op["status"] as? String == "DONE")
        #expect((op["targetLink"] as? String)?.hasSuffix("/zones/\(zone)/instanceGroups/web") == true)
        let again = await bridge.send(.post, groups, body: "{\"name\": \"web\"}", token: token)
        #expect(again.status == 409)
        // CloudStack keeps the zone in the group's name.
        let rows = try await bridge.client.listAll(CloudStack.CommandTable.listInstanceGroups, as: bridge.cloudStackUser)
        #expect(rows.compactMap(\.name) == ["\(zone)/web"])

        let add = await bridge.send(.post, groups + "/web/addInstances", body: Self.instances(zone, ["a", "b"]), token: token)
        #expect(add.status == 200, "\(String(decoding: add.body, as: UTF8.self))")
        validator.add("Operation", add.body, label: "instanceGroups.addInstances")
        let get = await bridge.send(.get, groups + "/web", token: token)
        validator.add("InstanceGroup", get.body, label: "instanceGroups.get")
        let group = try #require(try JSONSerialization.jsonObject(with: Data(get.body)) as? [String: Any])
        #expect(group["size"] as? Int == 2 && group["name"] as? String == "web")
        #expect((group["zone"] as? String)?.hasSuffix("/zones/\(zone)") == true)

        let listInstances = await bridge.send(.post, groups + "/web/listInstances", body: "{}", token: token)
        validator.add("InstanceGroupsListInstances", listInstances.body, label: "instanceGroups.listInstances")
        #expect(try await Self.members(bridge, zone, "web", token: token).sorted() == ["a", "b"])
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/b/stop", token: token)
        _ = try await bridge.waitDone(try #require(try JSONSerialization.jsonObject(with: Data(stop.body)) as? [String: Any]), token: token)
        #expect(try await Self.members(bridge, zone, "web", state: "RUNNING", token: token) == ["a"])

        let remove = await bridge.send(.post, groups + "/web/removeInstances", body: Self.instances(zone, ["a"]), token: token)
        #expect(remove.status == 200, "\(String(decoding: remove.body, as: UTF8.self))")
        validator.add("Operation", remove.body, label: "instanceGroups.removeInstances")
        #expect(try await Self.members(bridge, zone, "web", token: token) == ["b"])
        // `a` is free again: it can join another group.
        #expect(await bridge.send(.post, groups, body: "{\"name\": \"db\"}", token: token).status == 200)
        #expect(await bridge.send(.post, groups + "/db/addInstances", body: Self.instances(zone, ["a"]), token: token).status == 200)

        let list = await bridge.send(.get, groups, token: token)
        validator.add("InstanceGroupList", list.body, label: "instanceGroups.list")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.body)) as? [String: Any])
        #expect((listed["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted() == ["db", "web"])
        let filtered = await bridge.send(.get, groups + "?filter=name%3Ddb", token: token)
        let onlyDB = try #require(try JSONSerialization.jsonObject(with: Data(filtered.body)) as? [String: Any])
        #expect((onlyDB["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["db"])
        let aggregated = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/instanceGroups", token: token)
        validator.add("InstanceGroupAggregatedList", aggregated.body, label: "instanceGroups.aggregatedList")
        let scopes = try #require(
            (try JSONSerialization.jsonObject(with: Data(aggregated.body)) as? [String: Any])?["items"] as? [String: Any])
        let inZone = (scopes["zones/\(zone)"] as? [String: Any])?["instanceGroups"] as? [[String: Any]]
        #expect(inZone?.count == 2)

        let fingerprint = try #require(group["fingerprint"] as? String)
        let setPorts = await bridge.send(
            .post, groups + "/web/setNamedPorts", body: "{\"namedPorts\": [], \"fingerprint\": \"\(fingerprint)\"}", token: token)
        #expect(setPorts.status == 200)
        validator.add("Operation", setPorts.body, label: "instanceGroups.setNamedPorts")
        let stale = await bridge.send(.post, groups + "/db/setNamedPorts", body: "{\"fingerprint\": \"\(fingerprint)\"}", token: token)
        #expect(stale.status == 412)

        let delete = await bridge.send(.delete, groups + "/web", token: token)
        #expect(delete.status == 200)
        validator.add("Operation", delete.body, label: "instanceGroups.delete")
        let deleted = try #require(try JSONSerialization.jsonObject(with: Data(delete.body)) as? [String: Any])
        let (opStatus, fetched) = try await bridge.compute(
            .get, "zones/\(zone)/operations/\(try #require(deleted["name"] as? String))", token: token)
        #expect(opStatus == 200 && fetched["operationType"] as? String == "delete")
        #expect(await bridge.send(.get, groups + "/web", token: token).status == 404)
        // The instances stay; `b` is in no group now.
        let (bStatus, _) = try await bridge.compute(.get, "zones/\(zone)/instances/b", token: token)
        #expect(bStatus == 200)
        let vms = try await bridge.client.listAll(CloudStack.CommandTable.listVirtualMachines, as: bridge.cloudStackUser)
        #expect(vms.first { $0.name == "b" }?.groupid == nil)
        #expect(vms.first { $0.name == "a" }?.group == "\(zone)/db")
        #expect(try validator.problems() == [])
    }

    @Test func refusesWhatCloudStackCannotKeep() async throws {
        let (bridge, token, zone) = try await Self.withInstances()
        let groups = "/compute/v1/projects/user1/zones/\(zone)/instanceGroups"
        for (body, field) in [
            (#"{"name": "g", "description": "web tier"}"#, "resource.description"),
            (#"{"name": "g", "namedPorts": [{"name": "http", "port": 80}]}"#, "resource.namedPorts"),
            (#"{"name": "g", "network": "global/networks/default"}"#, "resource.network"),
            (#"{"name": "g", "subnetwork": "regions/r/subnetworks/s"}"#, "resource.subnetwork"),
        ] {
            let response = await bridge.send(.post, groups, body: body, token: token)
            #expect(response.status == 400)
            #expect(String(decoding: response.body, as: UTF8.self).contains(field), "\(body)")
        }
        #expect(await bridge.send(.post, groups, body: "{\"name\": \"g\"}", token: token).status == 200)
        #expect(await bridge.send(.post, groups, body: "{\"name\": \"h\"}", token: token).status == 200)
        #expect(await bridge.send(.post, groups + "/g/addInstances", body: Self.instances(zone, ["a"]), token: token).status == 200)
        // A CloudStack VM is in at most one group: joining a second is refused, and nothing moves.
        let second = await bridge.send(.post, groups + "/h/addInstances", body: Self.instances(zone, ["b", "a"]), token: token)
        #expect(second.status == 400)
        #expect(String(decoding: second.body, as: UTF8.self).contains("already in instance group"))
        #expect(try await Self.members(bridge, zone, "h", token: token).isEmpty)
        // GCE refuses an instance of another zone.
        let elsewhere = await bridge.send(.post, groups + "/h/addInstances", body: Self.instances("other-zone", ["a"]), token: token)
        #expect(elsewhere.status == 400)
        #expect(String(decoding: elsewhere.body, as: UTF8.self).contains("must be in zone \(zone)"))
        let missing = await bridge.send(.post, groups + "/h/addInstances", body: Self.instances(zone, ["nope"]), token: token)
        #expect(missing.status == 404)
        #expect(await bridge.send(.get, groups + "/nope", token: token).status == 404)
        let ports = await bridge.send(
            .post, groups + "/g/setNamedPorts", body: #"{"namedPorts": [{"name": "http", "port": 80}]}"#, token: token)
        #expect(ports.status == 400)
        #expect(String(decoding: ports.body, as: UTF8.self).contains("resource.namedPorts"))
    }
}

extension TestBridge {
    /// user1's CloudStack API keys, to read what the bridge left in CloudStack.
    var cloudStackUser: CloudStackCredentials { CloudStackCredentials(apiKey: user.apiKey, secretKey: user.secretKey) }
}

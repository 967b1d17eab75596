import Foundation
import Pipeline
import Testing

@testable import GCE

/// instances.getSerialPortOutput, setName, update, setDeletionProtection, setScheduling, acceleratorTypes, and
/// custom machine types shown as created.
@Suite("Instance extras and accelerator types")
struct InstanceExtrasTests {
    static func object(_ response: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// Inserts `name` with `machineType` in the basic zone and waits for it; returns the zone.
    static func running(_ bridge: TestBridge, _ token: String, name: String, machineType: String? = nil) async throws -> String {
        let (zone, image, small) = try await InstanceTests.setting(bridge, token)
        let body = """
            {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/\(machineType ?? small)",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}], "labels": {"env": "dev"}}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try object(insert), token: token)
        return zone
    }

    static func stop(_ bridge: TestBridge, _ token: String, _ zone: String, _ name: String) async throws {
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/\(name)/stop", token: token)
        #expect(stop.status == 200)
        _ = try await bridge.waitDone(try object(stop), token: token)
    }

    @Test func customMachineTypesAreShownAsCreatedResolveAndCanBeSetAgain() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "big-1", machineType: "custom-4-8192")
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/big-1", token: token)
        let link = try #require(instance["machineType"] as? String)
        #expect(link == "\(TestBridge.base)/compute/v1/projects/user1/zones/\(zone)/machineTypes/custom-4-8192")
        let type = await bridge.send(.get, String(link.dropFirst(TestBridge.base.count)), token: token)
        #expect(type.status == 200)
        validator.add("MachineType", type.body, label: "machineTypes.get custom")
        #expect(try Self.object(type)["guestCpus"] as? Int == 4)
        #expect(try Self.object(type)["memoryMb"] as? Int == 8192)

        try await Self.stop(bridge, token, zone, "big-1")
        let set = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/big-1/setMachineType",
            body: #"{"machineType": "zones/\#(zone)/machineTypes/custom-2-4096"}"#, token: token)
        #expect(set.status == 200, "\(String(decoding: set.body, as: UTF8.self))")
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/big-1", token: token)
        #expect((after["machineType"] as? String)?.hasSuffix("/machineTypes/custom-2-4096") == true)
        let back = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/big-1/setMachineType",
            body: #"{"machineType": "small-instance"}"#, token: token)
        #expect(back.status == 200)
        let (_, fixed) = try await bridge.compute(.get, "zones/\(zone)/instances/big-1", token: token)
        #expect((fixed["machineType"] as? String)?.hasSuffix("/machineTypes/small-instance") == true)
        #expect(try validator.problems() == [])
    }

    @Test func serialPortOutputIsEmptyAndChecksItsPort() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "con-1")
        let base = "/compute/v1/projects/user1/zones/\(zone)/instances/con-1/serialPort"
        let first = await bridge.send(.get, base, token: token)
        #expect(first.status == 200)
        validator.add("SerialPortOutput", first.body, label: "instances.getSerialPortOutput")
        let output = try Self.object(first)
        #expect(output["contents"] as? String == "")
        #expect(output["start"] as? String == "0")
        #expect(output["next"] as? String == "0")
        #expect(output["kind"] as? String == "compute#serialPortOutput")
        let later = try Self.object(await bridge.send(.get, base + "?port=2&start=100", token: token))
        #expect(later["start"] as? String == "100")
        #expect(later["next"] as? String == "100")
        let tail = try Self.object(await bridge.send(.get, base + "?start=-50", token: token))
        #expect(tail["start"] as? String == "0")
        for query in ["port=0", "port=5", "port=one", "start=x", "start=99999999999999999999"] {
            bridge.transport.log.reset()
            let bad = await bridge.send(.get, base + "?" + query, token: token)
            #expect(bad.status == 400, "\(query)")
            #expect(bridge.transport.log.commands == [], "\(query) called CloudStack")
        }
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/nobody/serialPort", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func deletionProtectionFalseIsDoneAndTrueIsRefused() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "keep-1")
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/keep-1/setDeletionProtection"
        let off = await bridge.send(.post, path + "?deletionProtection=false", token: token)
        #expect(off.status == 200)
        validator.add("Operation", off.body, label: "instances.setDeletionProtection")
        let operation = try Self.object(off)
        #expect(operation["status"] as? String == "DONE")
        #expect(operation["operationType"] as? String == "setDeletionProtection")
        #expect((operation["targetLink"] as? String)?.hasSuffix("/instances/keep-1") == true)
        let get = await bridge.send(.get, String((operation["selfLink"] as? String ?? "").dropFirst(TestBridge.base.count)), token: token)
        #expect(get.status == 200)
        for query in ["", "?deletionProtection=true", "?deletionProtection=yes"] {
            bridge.transport.log.reset()
            let on = await bridge.send(.post, path + query, token: token)
            #expect(on.status == 400)
            #expect(String(decoding: on.body, as: UTF8.self).contains("deletionProtection"))
            #expect(bridge.transport.log.commands == [])
        }
        #expect(
            await bridge.send(
                .post, "/compute/v1/projects/user1/zones/\(zone)/instances/nobody/setDeletionProtection?deletionProtection=false",
                token: token
            ).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test(arguments: [
        (#"{"preemptible": true}"#, "preemptible"), (#"{"provisioningModel": "SPOT"}"#, "provisioningModel"),
        (#"{"onHostMaintenance": "TERMINATE"}"#, "onHostMaintenance"), (#"{"automaticRestart": false}"#, "automaticRestart"),
        (#"{"nodeAffinities": [{"key": "k", "operator": "IN", "values": ["v"]}]}"#, "nodeAffinities"),
        (#"{"instanceTerminationAction": "STOP"}"#, "instanceTerminationAction"), (#"{"minNodeCpus": 2}"#, "minNodeCpus"),
        (#"{"surprise": 1}"#, "surprise"),
    ])
    func schedulingCloudStackCannotHonourIsRefusedNamingTheMember(body: String, member: String) async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        bridge.transport.log.reset()
        let response = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/z/instances/any/setScheduling", body: body, token: token)
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains(member))
        #expect(bridge.transport.log.commands == [])
    }

    @Test func schedulingEveryInstanceHasIsAccepted() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "sched-1")
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/sched-1", token: token)
        let scheduling = try JSONSerialization.data(withJSONObject: try #require(instance["scheduling"]))
        for body in [
            String(decoding: scheduling, as: UTF8.self),
            #"{"automaticRestart": true, "onHostMaintenance": "MIGRATE", "provisioningModel": "STANDARD", "nodeAffinities": []}"#, "{}",
        ] {
            let response = await bridge.send(
                .post, "/compute/v1/projects/user1/zones/\(zone)/instances/sched-1/setScheduling", body: body, token: token)
            #expect(response.status == 200, "\(body): \(String(decoding: response.body, as: UTF8.self))")
            validator.add("Operation", response.body, label: "instances.setScheduling")
            #expect(try Self.object(response)["operationType"] as? String == "setScheduling")
        }
        #expect(try validator.problems() == [])
    }

    @Test func setNameNeedsTheCurrentNameAndAStoppedInstance() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "old-1")
        _ = try await Self.running(bridge, token, name: "other-1")
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/old-1/setName"
        let running = await bridge.send(.post, path, body: #"{"name": "new-1", "currentName": "old-1"}"#, token: token)
        #expect(running.status == 400)
        #expect(String(decoding: running.body, as: UTF8.self).contains("stopped"))
        try await Self.stop(bridge, token, zone, "old-1")
        #expect(await bridge.send(.post, path, body: #"{"name": "new-1", "currentName": "wrong"}"#, token: token).status == 412)
        #expect(await bridge.send(.post, path, body: #"{"name": "other-1", "currentName": "old-1"}"#, token: token).status == 409)
        for body in [
            #"{"name": "New_1", "currentName": "old-1"}"#, #"{"name": "new-1"}"#, #"{"name": "new-1", "currentName": "old-1", "x": 1}"#,
        ] {
            bridge.transport.log.reset()
            #expect(await bridge.send(.post, path, body: body, token: token).status == 400, "\(body)")
            #expect(bridge.transport.log.commands == [])
        }
        let renamed = await bridge.send(.post, path, body: #"{"name": "new-1", "currentName": "old-1"}"#, token: token)
        #expect(renamed.status == 200, "\(String(decoding: renamed.body, as: UTF8.self))")
        validator.add("Operation", renamed.body, label: "instances.setName")
        let operation = try Self.object(renamed)
        #expect(operation["operationType"] as? String == "setName")
        #expect((operation["targetLink"] as? String)?.hasSuffix("/instances/new-1") == true)
        let again = await bridge.send(.get, String((operation["selfLink"] as? String ?? "").dropFirst(TestBridge.base.count)), token: token)
        #expect(try Self.object(again)["targetLink"] as? String == operation["targetLink"] as? String)
        let (status, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/new-1", token: token)
        #expect(status == 200)
        #expect(instance["labels"] as? [String: String] == ["env": "dev"])
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/old-1", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func updateTakesTheInstanceBackAndChangesOnlyWhatItCan() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.running(bridge, token, name: "upd-1")
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/upd-1"
        let got = await bridge.send(.get, path, token: token)
        var instance = try Self.object(got)
        // Sent back unchanged: accepted, nothing to do.
        let same = await bridge.send(.put, path, body: String(decoding: got.body, as: UTF8.self), token: token)
        #expect(same.status == 200, "\(String(decoding: same.body, as: UTF8.self))")
        validator.add("Operation", same.body, label: "instances.update unchanged")
        #expect(try Self.object(same)["status"] as? String == "DONE")

        instance["labels"] = ["env": "prod", "tier": "web"]
        instance["description"] = "updated"
        instance["tags"] = ["items": ["http-server"], "fingerprint": (instance["tags"] as? [String: Any])?["fingerprint"] ?? ""]
        instance["metadata"] = [
            "items": [["key": "color", "value": "blue"]], "fingerprint": (instance["metadata"] as? [String: Any])?["fingerprint"] ?? "",
        ]
        instance["status"] = "WHATEVER"
        let body = String(decoding: try JSONSerialization.data(withJSONObject: instance), as: UTF8.self)
        let update = await bridge.send(
            .put, path + "?minimalAction=NO_EFFECT&mostDisruptiveAllowedAction=REFRESH", body: body, token: token)
        #expect(update.status == 200, "\(String(decoding: update.body, as: UTF8.self))")
        validator.add("Operation", update.body, label: "instances.update")
        let done = try await bridge.waitDone(try Self.object(update), token: token)
        #expect(done["operationType"] as? String == "update")
        #expect(done["error"] == nil)
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/upd-1", token: token)
        #expect(after["labels"] as? [String: String] == ["env": "prod", "tier": "web"])
        #expect(after["description"] as? String == "updated")
        #expect((after["tags"] as? [String: Any])?["items"] as? [String] == ["http-server"])
        #expect(((after["metadata"] as? [String: Any])?["items"] as? [[String: String]]) == [["key": "color", "value": "blue"]])

        var refused: [(String, Any)] = [
            ("canIpForward", true), ("name", "renamed"), ("deletionProtection", true),
            ("scheduling", ["preemptible": true]), ("networkInterfaces", [["network": "global/networks/other"]]),
        ]
        refused.append(("hostname", "web.example.com"))
        for (member, value) in refused {
            var changed = after
            changed[member] = value
            let text = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
            let response = await bridge.send(.put, path, body: text, token: token)
            #expect(response.status == 400, "\(member)")
            #expect(String(decoding: response.body, as: UTF8.self).contains(member), "\(member)")
        }
        var running = after
        running["machineType"] = "zones/\(zone)/machineTypes/medium-instance"
        let whileRunning = await bridge.send(
            .put, path, body: String(decoding: try JSONSerialization.data(withJSONObject: running), as: UTF8.self), token: token)
        #expect(whileRunning.status == 400)
        try await Self.stop(bridge, token, zone, "upd-1")
        let stopped = await bridge.send(
            .put, path, body: String(decoding: try JSONSerialization.data(withJSONObject: running), as: UTF8.self), token: token)
        #expect(stopped.status == 200, "\(String(decoding: stopped.body, as: UTF8.self))")
        let (_, resized) = try await bridge.compute(.get, "zones/\(zone)/instances/upd-1", token: token)
        #expect((resized["machineType"] as? String)?.hasSuffix("/machineTypes/medium-instance") == true)
        for query in ["minimalAction=RESTART", "minimalAction=SOMETIMES", "mostDisruptiveAllowedAction=NEVER"] {
            bridge.transport.log.reset()
            #expect(await bridge.send(.put, path + "?" + query, body: "{}", token: token).status == 400, "\(query)")
            #expect(bridge.transport.log.commands == [])
        }
        #expect(try validator.problems() == [])
    }

    @Test func acceleratorTypesAreEmptyEverywhere() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, _, _) = try await InstanceTests.setting(bridge, token)
        let list = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/acceleratorTypes", token: token)
        #expect(list.status == 200)
        validator.add("AcceleratorTypeList", list.body, label: "acceleratorTypes.list")
        #expect(try Self.object(list)["items"] == nil)
        #expect(try Self.object(list)["kind"] as? String == "compute#acceleratorTypeList")
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/acceleratorTypes/nvidia-tesla-t4", token: token)
        #expect(get.status == 404)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/nowhere/acceleratorTypes", token: token).status == 404)
        let aggregated = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/acceleratorTypes", token: token)
        #expect(aggregated.status == 200)
        validator.add("AcceleratorTypeAggregatedList", aggregated.body, label: "acceleratorTypes.aggregatedList")
        let scopes = try #require(try Self.object(aggregated)["items"] as? [String: [String: Any]])
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        #expect(
            Set(scopes.keys)
                == Set(((zones["items"] as? [[String: Any]]) ?? []).compactMap { ($0["name"] as? String).map { "zones/" + $0 } }))
        for (_, scope) in scopes {
            #expect((scope["warning"] as? [String: Any])?["code"] as? String == "NO_RESULTS_ON_PAGE")
            #expect(scope["acceleratorTypes"] == nil)
        }
        #expect(try validator.problems() == [])
    }
}

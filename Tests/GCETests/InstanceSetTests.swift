import Foundation
import Testing

@testable import GCE

@Suite("instances.setMetadata, setLabels, setTags, setMachineType")
struct InstanceSetTests {
    /// A bridge with one running instance `app` in the basic zone.
    static func withInstance() async throws -> (TestBridge, String, String) {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        let body = """
            {"name": "app", "machineType": "\(machineType)", "labels": {"a": "1"},
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        let op = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        _ = try await bridge.waitDone(op, token: token)
        return (bridge, token, zone)
    }

    @Test func metadataNeedsTheCurrentFingerprintAndReplacesItems() async throws {
        let (bridge, token, zone) = try await Self.withInstance()
        let validator = SchemaValidator()
        let (_, before) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        let fingerprint = try #require((before["metadata"] as? [String: Any])?["fingerprint"] as? String)
        let stale = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setMetadata",
            body: "{\"fingerprint\": \"AAAAAAAAAAA=\", \"items\": []}", token: token)
        #expect(stale.status == 412)
        #expect(String(decoding: stale.body, as: UTF8.self).contains("conditionNotMet"))
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGVleGFtcGxlZXhhbXBsZWV4YW1wbGVleGFt me@host"
        let body =
            "{\"fingerprint\": \"\(fingerprint)\", \"items\": [{\"key\": \"user-data\", \"value\": \"#cloud-config\"}, {\"key\": \"ssh-keys\", \"value\": \"me:\(key)\"}]}"
        let set = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setMetadata", body: body, token: token)
        #expect(set.status == 200, "\(String(decoding: set.body, as: UTF8.self))")
        validator.add("Operation", set.body, label: "instances.setMetadata")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(set.body)) as? [String: Any])
        #expect(op["operationType"] as? String == "setMetadata")
        _ = try await bridge.waitDone(op, token: token)
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        let metadata = try #require(after["metadata"] as? [String: Any])
        #expect((metadata["items"] as? [[String: String]])?.map { $0["key"] ?? "" } == ["user-data", "ssh-keys"])
        #expect(metadata["fingerprint"] as? String != fingerprint)
        let replay = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setMetadata", body: body, token: token)
        #expect(replay.status == 412)
        #expect(try validator.problems() == [])
    }

    @Test func labelsAndTagsReplaceWithFingerprints() async throws {
        let (bridge, token, zone) = try await Self.withInstance()
        let (_, before) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        #expect(before["labels"] as? [String: String] == ["a": "1"])
        let labelFingerprint = try #require(before["labelFingerprint"] as? String)
        let setLabels = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setLabels",
            body: "{\"labelFingerprint\": \"\(labelFingerprint)\", \"labels\": {\"b\": \"2\"}}", token: token)
        #expect(setLabels.status == 200)
        _ = try await bridge.waitDone(
            try #require(try JSONSerialization.jsonObject(with: Data(setLabels.body)) as? [String: Any]), token: token)
        // The fingerprint is stale now: 412. Labels that could never be set are refused first, in decode (400).
        let stale = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setLabels",
            body: "{\"labelFingerprint\": \"\(labelFingerprint)\", \"labels\": {\"c\": \"x\"}}", token: token)
        #expect(stale.status == 412)
        let bad = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setLabels",
            body: "{\"labelFingerprint\": \"\(labelFingerprint)\", \"labels\": {\"Bad Key\": \"x\"}}", token: token)
        #expect(bad.status == 400)
        let tagsFingerprint = try #require((before["tags"] as? [String: Any])?["fingerprint"] as? String)
        // In a security-group zone tags are security groups, which CloudStack changes only on a stopped VM.
        let running = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setTags",
            body: "{\"fingerprint\": \"\(tagsFingerprint)\", \"items\": [\"web\", \"ssh\"]}", token: token)
        #expect(running.status == 400)
        #expect(String(decoding: running.body, as: UTF8.self).contains("resource.tags.items"))
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/stop", token: token)
        _ = try await bridge.waitDone(try #require(try JSONSerialization.jsonObject(with: Data(stop.body)) as? [String: Any]), token: token)
        let setTags = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setTags",
            body: "{\"fingerprint\": \"\(tagsFingerprint)\", \"items\": [\"web\", \"ssh\"]}", token: token)
        #expect(setTags.status == 200)
        _ = try await bridge.waitDone(
            try #require(try JSONSerialization.jsonObject(with: Data(setTags.body)) as? [String: Any]), token: token)
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        #expect(after["labels"] as? [String: String] == ["b": "2"])
        #expect((after["tags"] as? [String: Any])?["items"] as? [String] == ["web", "ssh"])
    }

    @Test func machineTypeChangesOnlyWhenStopped() async throws {
        let (bridge, token, zone) = try await Self.withInstance()
        let running = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setMachineType",
            body: "{\"machineType\": \"zones/\(zone)/machineTypes/large-instance\"}", token: token)
        #expect(running.status == 400)
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/stop", token: token)
        _ = try await bridge.waitDone(try #require(try JSONSerialization.jsonObject(with: Data(stop.body)) as? [String: Any]), token: token)
        let change = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setMachineType",
            body: "{\"machineType\": \"zones/\(zone)/machineTypes/large-instance\"}", token: token)
        #expect(change.status == 200, "\(String(decoding: change.body, as: UTF8.self))")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(change.body)) as? [String: Any])
        #expect(op["status"] as? String == "DONE")
        let fetched = await bridge.send(
            .get, "/compute/v1/projects/user1/zones/\(zone)/operations/\(op["name"] as? String ?? "")", token: token)
        #expect(fetched.status == 200)
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        #expect((after["machineType"] as? String)?.hasSuffix("/machineTypes/large-instance") == true)
        let validator = SchemaValidator()
        validator.add("Operation", change.body, label: "instances.setMachineType")
        validator.add("Operation", fetched.body, label: "zoneOperations.get done")
        #expect(try validator.problems() == [])
    }
}

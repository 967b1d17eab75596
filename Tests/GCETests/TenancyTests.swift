import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import GCE

/// Cross-tenant attempts (issue #11): user2, with its own valid token, names user1's project and user1's
/// resources (instance, disk, image, zone and global operations) in every method family, and is refused with
/// 403 or 404, sees none of them in its own listings, and leaves them as they were.
@Suite("Tenancy: every GCE method family refuses another account's project and resources")
struct TenancyTests {
    static func intruderToken(_ bridge: TestBridge) async throws -> String {
        let user2 = try #require(bridge.simulator.credentials.first { $0.account == "user2" })
        return try await bridge.pipeline.tokenIssuer.issueToken(apiKey: user2.apiKey, secretKey: user2.secretKey)
    }

    static func object(_ response: Response) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func names(_ response: Response) -> [String] {
        let object = object(response)
        var items = (object["items"] as? [[String: Any]]) ?? []
        // Aggregated lists: items is a map of scope -> {instances|disks|...: [...]}.
        if let scoped = object["items"] as? [String: [String: Any]] {
            items = scoped.values.flatMap { $0.values.compactMap { $0 as? [[String: Any]] }.flatMap { $0 } }
        }
        return items.compactMap { $0["name"] as? String }
    }

    @Test func anotherAccountIsRefusedInEveryMethodFamily() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        let diskLink = try #require((instance["disks"] as? [[String: Any]])?.first?["source"] as? String)
        let disk = String(try #require(diskLink.split(separator: "/").last))
        let imageInsert = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images",
            body: "{\"name\": \"owner-image\", \"rawDisk\": {\"source\": \"http://example.org/owner.qcow2\"}}", token: token)
        #expect(imageInsert.status == 200)
        let globalOperation = try #require(Self.object(imageInsert)["name"] as? String)
        let (_, labelled) = try await bridge.compute(
            .post, "zones/\(zone)/instances/app/setLabels",
            body:
                "{\"labels\": {\"a\": \"1\", \"owner\": \"yes\"}, \"labelFingerprint\": \"\(instance["labelFingerprint"] as? String ?? "")\"}",
            token: token)
        let zoneOperation = try #require(labelled["name"] as? String, "\(labelled)")
        _ = try await bridge.waitDone(labelled, token: token)
        let (_, before) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)

        let intruder = try await Self.intruderToken(bridge)
        let machineType = "zones/\(zone)/machineTypes/small-instance"
        // (method, path below the project, body) for every method family that names a resource.
        let calls: [(HTTPMethod, String, String?)] = [
            (.get, "", nil),
            (.post, "setCommonInstanceMetadata", "{\"items\": []}"),
            (.get, "zones/\(zone)/instances/app", nil),
            (.delete, "zones/\(zone)/instances/app", nil),
            (.post, "zones/\(zone)/instances/app/start", nil),
            (.post, "zones/\(zone)/instances/app/stop", nil),
            (.post, "zones/\(zone)/instances/app/reset", nil),
            (.post, "zones/\(zone)/instances/app/setLabels", "{\"labels\": {\"x\": \"y\"}, \"labelFingerprint\": \"AAAA\"}"),
            (.post, "zones/\(zone)/instances/app/setMachineType", "{\"machineType\": \"\(machineType)\"}"),
            (.post, "zones/\(zone)/instances/app/setMetadata", "{\"items\": [], \"fingerprint\": \"AAAA\"}"),
            (.post, "zones/\(zone)/instances/app/setTags", "{\"items\": [\"x\"], \"fingerprint\": \"AAAA\"}"),
            (.get, "zones/\(zone)/disks/\(disk)", nil),
            (.get, "global/images/owner-image", nil),
            (.delete, "global/images/owner-image", nil),
            (.get, "zones/\(zone)/operations/\(zoneOperation)", nil),
            (.post, "zones/\(zone)/operations/\(zoneOperation)/wait", nil),
            (.delete, "zones/\(zone)/operations/\(zoneOperation)", nil),
            (.get, "global/operations/\(globalOperation)", nil),
            (.post, "global/operations/\(globalOperation)/wait", nil),
            (.delete, "global/operations/\(globalOperation)", nil),
        ]
        // In user1's project: the project itself is refused, whatever the method.
        for (method, path, body) in calls {
            let response = await bridge.send(method, "/compute/v1/projects/user1/" + path, body: body, token: intruder)
            #expect(
                [403, 404].contains(response.status), "user1/\(path): \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        }
        let foreignLists = [
            "zones/\(zone)/instances", "aggregated/instances", "zones/\(zone)/disks", "aggregated/disks", "global/images",
            "global/operations", "zones/\(zone)/operations",
        ]
        for path in foreignLists {
            let response = await bridge.send(.get, "/compute/v1/projects/user1/" + path, token: intruder)
            #expect([403, 404].contains(response.status), "user1/\(path): \(response.status)")
        }
        // In its own project, user1's names are simply not there (the project-wide calls act on user2's own).
        for (method, path, body) in calls where !path.isEmpty && path != "setCommonInstanceMetadata" {
            let response = await bridge.send(method, "/compute/v1/projects/user2/" + path, body: body, token: intruder)
            #expect(response.status == 404, "user2/\(path): \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        }
        for path in foreignLists {
            let response = await bridge.send(.get, "/compute/v1/projects/user2/" + path, token: intruder)
            #expect(response.status == 200, "user2/\(path): \(response.status)")
            let listed = Self.names(response)
            for name in ["app", disk, "owner-image", zoneOperation, globalOperation] {
                #expect(!listed.contains(name), "user2/\(path) lists \(name)")
            }
        }

        // user1's resources are as they were.
        let (status, after) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        #expect(status == 200)
        #expect(after["status"] as? String == before["status"] as? String)
        #expect(after["labels"] as? [String: String] == ["a": "1", "owner": "yes"])
        #expect(after["machineType"] as? String == before["machineType"] as? String)
        #expect(
            (after["tags"] as? [String: Any])?["fingerprint"] as? String == (before["tags"] as? [String: Any])?["fingerprint"] as? String)
        #expect(
            (after["metadata"] as? [String: Any])?["fingerprint"] as? String
                == (before["metadata"] as? [String: Any])?["fingerprint"] as? String)
        #expect(try await bridge.compute(.get, "global/images/owner-image", token: token).0 == 200)
        #expect(try await bridge.compute(.get, "zones/\(zone)/disks/\(disk)", token: token).0 == 200)
        #expect(try await bridge.compute(.get, "zones/\(zone)/operations/\(zoneOperation)", token: token).0 == 200)
        #expect(try await bridge.compute(.get, "global/operations/\(globalOperation)", token: token).0 == 200)
    }
}

import Crypto
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("Images, projects and global operations")
struct ImageAndProjectTests {
    @Test func imagesListGetFamilyInsertDelete() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let list = await bridge.send(.get, "/compute/v1/projects/user1/global/images", token: token)
        validator.add("ImageList", list.body, label: "images.list")
        let (_, images) = try await bridge.compute(.get, "global/images", token: token)
        let items = images["items"] as? [[String: Any]] ?? []
        #expect(items.count == 2)
        let ubuntu = try #require(items.first { ($0["name"] as? String)?.hasPrefix("ubuntu-22-04-lts") == true })
        #expect(ubuntu["family"] as? String == "ubuntu-22-04-lts")
        #expect(ubuntu["status"] as? String == "READY")
        let name = try #require(ubuntu["name"] as? String)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/global/images/\(name)", token: token)
        validator.add("Image", get.body, label: "images.get")
        let byID = await bridge.send(.get, "/compute/v1/projects/user1/global/images/\(ubuntu["id"] as? String ?? "")", token: token)
        #expect(byID.status == 200)
        let family = await bridge.send(.get, "/compute/v1/projects/user1/global/images/family/ubuntu-22-04-lts", token: token)
        #expect(family.status == 200)
        validator.add("Image", family.body, label: "images.getFromFamily")
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/global/images/family/windows", token: token).status == 404)

        let insert = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images",
            body:
                "{\"name\": \"my-image\", \"family\": \"ubuntu-22-04-lts\", \"rawDisk\": {\"source\": \"http://example.org/disk.qcow2\"}}",
            token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "images.insert")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        #expect(op["status"] as? String == "DONE")
        #expect((op["selfLink"] as? String)?.contains("/global/operations/") == true)
        let (status, mine) = try await bridge.compute(.get, "global/images/my-image", token: token)
        #expect(status == 200)
        #expect(mine["status"] as? String == "PENDING")
        #expect(
            await bridge.send(
                .post, "/compute/v1/projects/user1/global/images",
                body: "{\"name\": \"my-image\", \"rawDisk\": {\"source\": \"http://x/y.qcow2\"}}", token: token
            ).status == 409)

        bridge.clock.advance(seconds: 60)
        let delete = await bridge.send(.delete, "/compute/v1/projects/user1/global/images/my-image", token: token)
        #expect(delete.status == 200, "\(String(decoding: delete.body, as: UTF8.self))")
        let deleteOp = try #require(try JSONSerialization.jsonObject(with: Data(delete.body)) as? [String: Any])
        let done = try await bridge.waitDone(deleteOp, token: token)
        #expect(done["error"] == nil, "\(done)")
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/global/images/my-image", token: token).status == 404)
        let globals = await bridge.send(.get, "/compute/v1/projects/user1/global/operations", token: token)
        validator.add("OperationList", globals.body, label: "globalOperations.list")
        let (_, regions) = try await bridge.compute(.get, "regions", token: token)
        let region = try #require((regions["items"] as? [[String: Any]])?.first?["name"] as? String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/regions/x/operations", token: token).status == 404)
        let regionOps = await bridge.send(.get, "/compute/v1/projects/user1/regions/\(region)/operations", token: token)
        validator.add("OperationList", regionOps.body, label: "regionOperations.list")
        #expect(try validator.problems() == [])
    }

    @Test func imageFromADisk() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        let disk = try #require((instance["disks"] as? [[String: Any]])?.first?["source"] as? String)
        let body = "{\"name\": \"from-disk\", \"sourceDisk\": \"\(disk)\"}"
        // CloudStack makes templates only from a stopped VM's volume.
        let refused = await bridge.send(.post, "/compute/v1/projects/user1/global/images", body: body, token: token)
        #expect(refused.status == 400)
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/stop", token: token)
        _ = try await bridge.waitDone(try #require(try JSONSerialization.jsonObject(with: Data(stop.body)) as? [String: Any]), token: token)
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/global/images", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(insert.body)) as? [String: Any])
        #expect(op["operationType"] as? String == "insert")
        let done = try await bridge.waitDone(op, token: token)
        #expect(done["status"] as? String == "DONE")
        let operation = try #require(done["name"] as? String)
        let fetched = await bridge.send(.get, "/compute/v1/projects/user1/global/operations/\(operation)", token: token)
        #expect(fetched.status == 200)
        let unknown = await bridge.send(.get, "/compute/v1/projects/user1/global/operations/not-ours", token: token)
        #expect(unknown.status == 404)
        // An image operation is global: other scopes do not know it.
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/operations/\(operation)", token: token).status == 404)
        let region = try #require((try await bridge.compute(.get, "regions", token: token)).1["items"] as? [[String: Any]])
        let regionName = try #require(region.first?["name"] as? String)
        for (method, suffix) in [(HTTPMethod.get, ""), (.post, "/wait"), (.delete, "")] {
            let response = await bridge.send(
                method, "/compute/v1/projects/user1/regions/\(regionName)/operations/\(operation)\(suffix)", token: token)
            #expect(response.status == 404)
        }
        let deleted = await bridge.send(.delete, "/compute/v1/projects/user1/global/operations/\(operation)", token: token)
        #expect(deleted.status == 204)
    }

    @Test func projectGetAndCommonInstanceMetadata() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let get = await bridge.send(.get, "/compute/v1/projects/user1", token: token)
        #expect(get.status == 200, "\(String(decoding: get.body, as: UTF8.self))")
        validator.add("Project", get.body, label: "projects.get")
        let project = try #require(try JSONSerialization.jsonObject(with: Data(get.body)) as? [String: Any])
        #expect(project["description"] as? String == "user1")
        #expect((project["quotas"] as? [[String: Any]])?.contains { $0["metric"] as? String == "INSTANCES" } == true)
        let fingerprint = try #require((project["commonInstanceMetadata"] as? [String: Any])?["fingerprint"] as? String)
        let key = try #require(RSAKeyPair.generate(bits: 1024)).openSSHPublicKey(comment: "alice@laptop")
        let set = await bridge.send(
            .post, "/compute/v1/projects/user1/setCommonInstanceMetadata",
            body: "{\"fingerprint\": \"\(fingerprint)\", \"items\": [{\"key\": \"ssh-keys\", \"value\": \"alice:\(key)\"}]}",
            token: token)
        #expect(set.status == 200, "\(String(decoding: set.body, as: UTF8.self))")
        validator.add("Operation", set.body, label: "projects.setCommonInstanceMetadata")
        let op = try #require(try JSONSerialization.jsonObject(with: Data(set.body)) as? [String: Any])
        _ = try await bridge.waitDone(op, token: token)
        let after = await bridge.send(.get, "/compute/v1/projects/user1", token: token)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(after.body)) as? [String: Any])
        let items = (object["commonInstanceMetadata"] as? [String: Any])?["items"] as? [[String: String]]
        #expect(items?.first?["value"] == "alice:\(key)")
        // The key became a project key pair that new instances receive.
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        let insert = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
            body: """
                {"name": "keyed", "machineType": "\(machineType)", "disks": [{"initializeParams": {"sourceImage": "global/images/\(image)"}}]}
                """, token: token)
        #expect(insert.status == 200)
        let stale = await bridge.send(
            .post, "/compute/v1/projects/user1/setCommonInstanceMetadata",
            body: "{\"fingerprint\": \"\(fingerprint)x\", \"items\": []}", token: token)
        #expect(stale.status == 412)
        let problems = try validator.problems()
        #expect(problems == [])
    }
}

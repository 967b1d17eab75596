import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("Snapshots, image extras and public image projects")
struct SnapshotAndImageExtrasTests {
    static func object(_ response: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func createSnapshotListGetLabelDelete() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let validator = SchemaValidator()
        let (_, disks) = try await bridge.compute(.get, "zones/\(zone)/disks", token: token)
        let disk = try #require((disks["items"] as? [[String: Any]])?.first { $0["users"] != nil }?["name"] as? String)
        let create = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks/\(disk)/createSnapshot",
            body: "{\"name\": \"snap-1\", \"description\": \"first\", \"labels\": {\"env\": \"test\"}}", token: token)
        #expect(create.status == 200, "\(String(decoding: create.body, as: UTF8.self))")
        validator.add("Operation", create.body, label: "disks.createSnapshot")
        let op = try Self.object(create)
        #expect(op["operationType"] as? String == "createSnapshot")
        #expect((op["targetLink"] as? String)?.hasSuffix("/zones/\(zone)/disks/\(disk)") == true)
        let done = try await bridge.waitDone(op, token: token)
        #expect(done["error"] == nil, "\(done)")
        #expect(done["targetLink"] as? String == op["targetLink"] as? String)

        let get = await bridge.send(.get, "/compute/v1/projects/user1/global/snapshots/snap-1", token: token)
        #expect(get.status == 200)
        validator.add("Snapshot", get.body, label: "snapshots.get")
        let snapshot = try Self.object(get)
        #expect(snapshot["status"] as? String == "READY")
        #expect(snapshot["description"] as? String == "first")
        #expect((snapshot["labels"] as? [String: String]) == ["env": "test"])
        #expect((snapshot["sourceDisk"] as? String)?.hasSuffix("/zones/\(zone)/disks/\(disk)") == true)
        let list = await bridge.send(.get, "/compute/v1/projects/user1/global/snapshots?filter=labels.env%3Dtest", token: token)
        validator.add("SnapshotList", list.body, label: "snapshots.list")
        #expect((try Self.object(list)["items"] as? [[String: Any]])?.count == 1)
        #expect(
            await bridge.send(
                .post, "/compute/v1/projects/user1/zones/\(zone)/disks/\(disk)/createSnapshot", body: "{\"name\": \"snap-1\"}",
                token: token
            ).status == 409)

        let fingerprint = snapshot["labelFingerprint"] as? String ?? ""
        let stale = await bridge.send(
            .post, "/compute/v1/projects/user1/global/snapshots/snap-1/setLabels",
            body: "{\"labels\": {\"env\": \"prod\"}, \"labelFingerprint\": \"AAAAAAAAAAA=\"}", token: token)
        #expect(stale.status == 412)
        let relabel = await bridge.send(
            .post, "/compute/v1/projects/user1/global/snapshots/snap-1/setLabels",
            body: "{\"labels\": {\"env\": \"prod\"}, \"labelFingerprint\": \"\(fingerprint)\"}", token: token)
        #expect(relabel.status == 200, "\(String(decoding: relabel.body, as: UTF8.self))")
        validator.add("Operation", relabel.body, label: "snapshots.setLabels")
        _ = try await bridge.waitDone(try Self.object(relabel), token: token)
        let (_, relabelled) = try await bridge.compute(.get, "global/snapshots/snap-1", token: token)
        #expect((relabelled["labels"] as? [String: String]) == ["env": "prod"])

        let insert = await bridge.send(
            .post, "/compute/v1/projects/user1/global/snapshots",
            body: "{\"name\": \"snap-2\", \"sourceDisk\": \"zones/\(zone)/disks/\(disk)\"}", token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "snapshots.insert")
        let insertOp = try Self.object(insert)
        #expect((insertOp["targetLink"] as? String)?.hasSuffix("/global/snapshots/snap-2") == true)
        _ = try await bridge.waitDone(insertOp, token: token)

        for name in ["snap-1", "snap-2"] {
            let delete = await bridge.send(.delete, "/compute/v1/projects/user1/global/snapshots/\(name)", token: token)
            #expect(delete.status == 200, "\(String(decoding: delete.body, as: UTF8.self))")
            validator.add("Operation", delete.body, label: "snapshots.delete")
            let deleted = try await bridge.waitDone(try Self.object(delete), token: token)
            #expect(deleted["error"] == nil, "\(deleted)")
        }
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/global/snapshots/snap-1", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func badSnapshotBodiesAreRefusedBeforeCloudStack() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        bridge.transport.log.reset()
        for body in [
            "{\"name\": \"s\", \"sourceDisk\": \"zones/z/disks/d\", \"snapshotEncryptionKey\": {\"rawKey\": \"x\"}}",
            "{\"name\": \"s\", \"sourceDisk\": \"zones/z/disks/d\", \"storageLocations\": [\"us\"]}",
            "{\"name\": \"s\", \"sourceDisk\": \"zones/z/disks/d\", \"snapshotType\": \"ARCHIVE\"}",
            "{\"name\": \"s\"}", "{\"name\": \"Bad\", \"sourceDisk\": \"zones/z/disks/d\"}", "{\"name\": \"s\", \"sourceDisk\": \"nope\"}",
        ] {
            let response = await bridge.send(.post, "/compute/v1/projects/user1/global/snapshots", body: body, token: token)
            #expect(response.status == 400, "\(body)")
        }
        #expect(bridge.transport.log.commands == [])
    }

    @Test func imageLabelsPatchDeprecateAndFamilyView() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let register = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images",
            body: "{\"name\": \"mine\", \"rawDisk\": {\"source\": \"http://example.org/d.qcow2\"}}", token: token)
        #expect(register.status == 200)
        let (_, image) = try await bridge.compute(.get, "global/images/mine", token: token)
        let labels = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images/mine/setLabels",
            body: "{\"labels\": {\"team\": \"a\"}, \"labelFingerprint\": \"\(image["labelFingerprint"] as? String ?? "")\"}", token: token)
        #expect(labels.status == 200, "\(String(decoding: labels.body, as: UTF8.self))")
        validator.add("Operation", labels.body, label: "images.setLabels")
        _ = try await bridge.waitDone(try Self.object(labels), token: token)
        let patch = await bridge.send(
            .patch, "/compute/v1/projects/user1/global/images/mine", body: "{\"description\": \"patched\"}", token: token)
        #expect(patch.status == 200, "\(String(decoding: patch.body, as: UTF8.self))")
        validator.add("Operation", patch.body, label: "images.patch")
        #expect(
            await bridge.send(
                .patch, "/compute/v1/projects/user1/global/images/mine", body: "{\"family\": \"x\", \"sourceDisk\": \"a\"}", token: token
            )
            .status == 400)
        let deprecate = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images/mine/deprecate",
            body: "{\"state\": \"DEPRECATED\", \"deprecated\": \"2026-12-01T00:00:00Z\"}", token: token)
        #expect(deprecate.status == 200, "\(String(decoding: deprecate.body, as: UTF8.self))")
        validator.add("Operation", deprecate.body, label: "images.deprecate")
        _ = try await bridge.waitDone(try Self.object(deprecate), token: token)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/global/images/mine", token: token)
        validator.add("Image", get.body, label: "images.get")
        let after = try Self.object(get)
        #expect(after["description"] as? String == "patched")
        #expect((after["labels"] as? [String: String]) == ["team": "a"])
        #expect((after["deprecated"] as? [String: Any])?["state"] as? String == "DEPRECATED")
        #expect(
            await bridge.send(.post, "/compute/v1/projects/user1/global/images/mine/deprecate", body: "{\"state\": \"GONE\"}", token: token)
                .status == 400)

        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require((zones["items"] as? [[String: Any]])?.first?["name"] as? String)
        let view = await bridge.send(
            .get, "/compute/v1/projects/user1/zones/\(zone)/imageFamilyViews/ubuntu-22-04-lts", token: token)
        #expect(view.status == 200)
        validator.add("ImageFamilyView", view.body, label: "imageFamilyViews.get")
        #expect(try validator.problems() == [])
    }

    @Test func publicImageProjectsAreReadOnly() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let list = await bridge.send(.get, "/compute/v1/projects/ubuntu-os-cloud/global/images", token: token)
        #expect(list.status == 200)
        validator.add("ImageList", list.body, label: "images.list public")
        let items = try Self.object(list)["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1)
        #expect(items.first?["family"] as? String == "ubuntu-2204-lts")
        #expect((items.first?["selfLink"] as? String)?.contains("/projects/ubuntu-os-cloud/global/images/") == true)
        let family = await bridge.send(.get, "/compute/v1/projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts", token: token)
        #expect(family.status == 200)
        validator.add("Image", family.body, label: "images.getFromFamily public")
        let centos = await bridge.send(.get, "/compute/v1/projects/centos-cloud/global/images/family/centos-5", token: token)
        #expect(centos.status == 200)
        let debian = await bridge.send(.get, "/compute/v1/projects/debian-cloud/global/images", token: token)
        #expect(debian.status == 200)
        let name = items.first?["name"] as? String ?? ""
        bridge.transport.log.reset()
        #expect(await bridge.send(.delete, "/compute/v1/projects/ubuntu-os-cloud/global/images/\(name)", token: token).status == 403)
        #expect(await bridge.send(.get, "/compute/v1/projects/ubuntu-os-cloud/zones/z/instances", token: token).status == 404)
        #expect(await bridge.send(.get, "/compute/v1/projects/someone-else/global/images", token: token).status == 404)
        #expect(bridge.transport.log.commands == [])
        #expect(try validator.problems() == [])
    }

    @Test func defaultPlacementUsesGoogleFamilyNames() {
        #expect(ImageProjects.defaultPlacement("Debian GNU/Linux 12 (64-bit)")! == ("debian-cloud", "debian-12"))
        #expect(ImageProjects.defaultPlacement("Ubuntu 22.04 LTS")! == ("ubuntu-os-cloud", "ubuntu-2204-lts"))
        #expect(ImageProjects.defaultPlacement("Rocky Linux 9")! == ("rocky-linux-cloud", "rocky-linux-9"))
        #expect(ImageProjects.defaultPlacement("Windows Server 2022 (64-bit)")! == ("windows-cloud", "windows-2022"))
        #expect(ImageProjects.defaultPlacement("Other (64-bit)") == nil)
        #expect(ImageProjectRule(parsing: "debian-cloud/debian-12=Debian GNU/Linux 12")?.osTypePrefix == "Debian GNU/Linux 12")
        #expect(ImageProjectRule(parsing: "Debian/x=y") == nil)
    }
}

import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("disks.insert, delete, resize, setLabels; diskTypes.aggregatedList; instances.attachDisk, detachDisk")
struct DiskTests {
    static func object(_ response: (status: Int, body: [UInt8])) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// Sends a mutating call, checks it answers an operation, and waits for it.
    static func run(
        _ bridge: TestBridge, _ method: HTTPMethod, _ path: String, body: String?, token: String, validator: SchemaValidator
    ) async throws -> [String: Any] {
        let response = await bridge.send(method, "/compute/v1/projects/user1/" + path, body: body, token: token)
        #expect(response.status == 200, "\(path): \(String(decoding: response.body, as: UTF8.self))")
        validator.add("Operation", response.body, label: path)
        let done = try await bridge.waitDone(try object((response.status, response.body)), token: token)
        #expect(done["status"] as? String == "DONE")
        #expect(done["error"] == nil, "\(path): \(done)")
        return done
    }

    @Test func insertGetResizeLabelAndDelete() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, _, _) = try await InstanceTests.setting(bridge, token)
        let op = try await Self.run(
            bridge, .post, "zones/\(zone)/disks",
            body:
                #"{"name": "data-1", "sizeGb": "12", "type": "zones/\#(zone)/diskTypes/custom", "description": "scratch", "labels": {"env": "test"}}"#,
            token: token, validator: validator)
        #expect(op["operationType"] as? String == "insert")
        #expect((op["targetLink"] as? String)?.hasSuffix("/zones/\(zone)/disks/data-1") == true)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/disks/data-1", token: token)
        #expect(get.status == 200)
        validator.add("Disk", get.body, label: "disks.get")
        var disk = try Self.object((get.status, get.body))
        #expect(disk["sizeGb"] as? String == "12")
        #expect(disk["description"] as? String == "scratch")
        #expect(disk["labels"] as? [String: String] == ["env": "test"])
        #expect((disk["type"] as? String)?.hasSuffix("/diskTypes/custom") == true)
        #expect(disk["users"] == nil || (disk["users"] as? [String]) == [])
        // A second disk of the same name: 409.
        let again = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/disks", body: #"{"name": "data-1"}"#, token: token)
        #expect(again.status == 409)
        // Shrinking is refused; growing runs resizeVolume.
        let shrink = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks/data-1/resize", body: #"{"sizeGb": "5"}"#, token: token)
        #expect(shrink.status == 400)
        #expect(String(decoding: shrink.body, as: UTF8.self).contains("cannot be smaller"))
        let resized = try await Self.run(
            bridge, .post, "zones/\(zone)/disks/data-1/resize", body: #"{"sizeGb": "20"}"#, token: token, validator: validator)
        #expect(resized["operationType"] as? String == "resize")
        (_, disk) = try await bridge.compute(.get, "zones/\(zone)/disks/data-1", token: token)
        #expect(disk["sizeGb"] as? String == "20")
        // Labels need the current fingerprint.
        let fingerprint = try #require(disk["labelFingerprint"] as? String)
        let stale = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks/data-1/setLabels",
            body: #"{"labelFingerprint": "AAAAAAAAAAA=", "labels": {"b": "2"}}"#, token: token)
        #expect(stale.status == 412)
        _ = try await Self.run(
            bridge, .post, "zones/\(zone)/disks/data-1/setLabels", body: #"{"labelFingerprint": "\#(fingerprint)", "labels": {"b": "2"}}"#,
            token: token, validator: validator)
        (_, disk) = try await bridge.compute(.get, "zones/\(zone)/disks/data-1", token: token)
        #expect(disk["labels"] as? [String: String] == ["b": "2"])
        let (_, filtered) = try await bridge.compute(.get, "zones/\(zone)/disks?filter=labels.b+%3D+2", token: token)
        #expect((filtered["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["data-1"])
        let deleted = try await Self.run(bridge, .delete, "zones/\(zone)/disks/data-1", body: nil, token: token, validator: validator)
        #expect(deleted["operationType"] as? String == "delete")
        let gone = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/disks/data-1", token: token)
        #expect(gone.status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func insertRefusesWhatCloudStackCannotDo() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        for (body, field) in [
            (#"{"name": "d", "sourceImage": "global/images/\#(image)"}"#, "resource.sourceImage"),
            (#"{"name": "d", "type": "zones/\#(zone)/diskTypes/small", "sizeGb": "7"}"#, "resource.sizeGb"),
        ] {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/disks", body: body, token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(body): \(text)")
            #expect(text.contains(field), "\(body): \(text)")
            #expect(!bridge.transport.log.commands.contains("createVolume"))
        }
        let unknownType = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks", body: #"{"name": "d", "type": "diskTypes/nope"}"#, token: token)
        #expect(unknownType.status == 404)
    }

    @Test func attachKeepsTheDeviceNameAndDetachFindsItByThatName() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let validator = SchemaValidator()
        _ = try await Self.run(
            bridge, .post, "zones/\(zone)/disks", body: #"{"name": "extra", "sizeGb": "3"}"#, token: token, validator: validator)
        let attached = try await Self.run(
            bridge, .post, "zones/\(zone)/instances/app/attachDisk",
            body: #"{"source": "projects/user1/zones/\#(zone)/disks/extra", "deviceName": "scratch"}"#, token: token,
            validator: validator)
        #expect(attached["operationType"] as? String == "attachDisk")
        #expect((attached["targetLink"] as? String)?.hasSuffix("/instances/app") == true)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/app", token: token)
        validator.add("Instance", get.body, label: "instances.get")
        let instance = try Self.object((get.status, get.body))
        let disks = try #require(instance["disks"] as? [[String: Any]])
        #expect(disks.count == 2)
        // The boot disk is named after its instance (not CloudStack's ROOT-<n>), and that name resolves.
        #expect((disks.first?["source"] as? String)?.hasSuffix("/zones/\(zone)/disks/app") == true)
        #expect(disks.first?["boot"] as? Bool == true)
        let boot = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/disks/app", token: token)
        #expect(boot.status == 200)
        validator.add("Disk", boot.body, label: "disks.get boot")
        #expect(disks.last?["deviceName"] as? String == "scratch")
        #expect(disks.last?["boot"] as? Bool == false)
        #expect(disks.last?["index"] as? Int == 1)
        #expect((disks.last?["source"] as? String)?.hasSuffix("/disks/extra") == true)
        let (_, disk) = try await bridge.compute(.get, "zones/\(zone)/disks/extra", token: token)
        #expect((disk["users"] as? [String])?.first?.hasSuffix("/instances/app") == true)
        // In use: deleting and attaching again are refused.
        let inUse = await bridge.send(.delete, "/compute/v1/projects/user1/zones/\(zone)/disks/extra", token: token)
        #expect(inUse.status == 400)
        #expect(String(decoding: inUse.body, as: UTF8.self).contains("resourceInUseByAnotherResource"))
        // The boot disk cannot be detached; an unknown device name is refused.
        let bootName = try #require(disks.first?["deviceName"] as? String)
        let bootDetach = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/detachDisk?deviceName=\(bootName)", token: token)
        #expect(bootDetach.status == 400)
        let unknown = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/detachDisk?deviceName=nope", token: token)
        #expect(unknown.status == 400)
        let detached = try await Self.run(
            bridge, .post, "zones/\(zone)/instances/app/detachDisk?deviceName=scratch", body: nil, token: token, validator: validator)
        #expect(detached["operationType"] as? String == "detachDisk")
        let (_, after) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        #expect((after["disks"] as? [[String: Any]])?.count == 1)
        let (_, free) = try await bridge.compute(.get, "zones/\(zone)/disks/extra", token: token)
        #expect(free["users"] == nil || (free["users"] as? [String]) == [])
        _ = try await Self.run(bridge, .delete, "zones/\(zone)/disks/extra", body: nil, token: token, validator: validator)
        #expect(try validator.problems() == [])
    }

    @Test func deleteRemovesAutoDeleteDisksAndKeepsTheOthersDetached() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let validator = SchemaValidator()
        for name in ["keep", "drop"] {
            _ = try await Self.run(
                bridge, .post, "zones/\(zone)/disks", body: #"{"name": "\#(name)", "sizeGb": "2"}"#, token: token, validator: validator)
            _ = try await Self.run(
                bridge, .post, "zones/\(zone)/instances/app/attachDisk", body: #"{"source": "zones/\#(zone)/disks/\#(name)"}"#,
                token: token, validator: validator)
        }
        let bad = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setDiskAutoDelete?autoDelete=maybe&deviceName=drop", token: token
        )
        #expect(bad.status == 400)
        let boot = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/app/setDiskAutoDelete?autoDelete=false&deviceName=app", token: token)
        #expect(boot.status == 400)
        let set = try await Self.run(
            bridge, .post, "zones/\(zone)/instances/app/setDiskAutoDelete?autoDelete=true&deviceName=drop", body: nil, token: token,
            validator: validator)
        #expect(set["operationType"] as? String == "setDiskAutoDelete")
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/app", token: token)
        let flags = (instance["disks"] as? [[String: Any]])?.map { "\($0["deviceName"] ?? "")=\($0["autoDelete"] ?? "")" }
        #expect(flags == ["app=1", "keep=0", "drop=1"])
        _ = try await Self.run(bridge, .delete, "zones/\(zone)/instances/app", body: nil, token: token, validator: validator)
        let (_, list) = try await bridge.compute(.get, "zones/\(zone)/disks", token: token)
        let left = (list["items"] as? [[String: Any]]) ?? []
        let keep = try #require(left.first { $0["name"] as? String == "keep" })
        #expect(keep["users"] == nil)
        #expect(keep["status"] as? String == "READY")
        let drop = left.first { $0["name"] as? String == "drop" }
        #expect(drop == nil || drop?["status"] as? String == "DELETING")
        #expect(try validator.problems() == [])
    }

    @Test func diskTypesAggregatedListHasEveryZonesTypes() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let response = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/diskTypes", token: token)
        #expect(response.status == 200)
        validator.add("DiskTypeAggregatedList", response.body, label: "diskTypes.aggregatedList")
        let list = try Self.object((response.status, response.body))
        let scopes = try #require(list["items"] as? [String: [String: Any]])
        #expect(!scopes.isEmpty)
        for (scope, value) in scopes {
            let names = (value["diskTypes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("custom"), "\(scope)")
        }
        #expect(try validator.problems() == [])
    }
}

import CloudStack
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("disks.bulkSetLabels; a disk's status from its volume's state; the boot disk type")
struct DiskLabelsStatusAndTypeTests {
    @Test func bulkSetLabelsSetsTheResourceDisksLabelsWithItsFingerprint() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, _, _) = try await InstanceTests.setting(bridge, token)
        let base = "/compute/v1/projects/user1/zones/\(zone)/disks"
        for name in ["bulk-a", "bulk-b"] {
            _ = try await DiskTests.run(
                bridge, .post, "zones/\(zone)/disks", body: #"{"name": "\#(name)", "labels": {"team": "x"}}"#, token: token,
                validator: validator)
        }
        for name in ["bulk-a", "bulk-b"] {
            let (_, disk) = try await bridge.compute(.get, "zones/\(zone)/disks/\(name)", token: token)
            let fingerprint = try #require(disk["labelFingerprint"] as? String)
            let stale = await bridge.send(
                .post, "\(base)/bulkSetLabels?resource=\(name)",
                body: #"{"requests": [{"labelFingerprint": "AAAAAAAAAAA=", "labels": {"team": "y"}}]}"#, token: token)
            #expect(stale.status == 412)
            let op = try await DiskTests.run(
                bridge, .post, "zones/\(zone)/disks/bulkSetLabels?resource=\(name)",
                body: #"{"requests": [{"labelFingerprint": "\#(fingerprint)", "labels": {"team": "y", "tier": "\#(name)"}}]}"#,
                token: token, validator: validator)
            #expect(op["operationType"] as? String == "bulkSetLabels")
            #expect((op["targetLink"] as? String)?.hasSuffix("/zones/\(zone)/disks/\(name)") == true)
            #expect((op["name"] as? String)?.hasPrefix("opab-") == true)
        }
        let (_, filtered) = try await bridge.compute(.get, "zones/\(zone)/disks?filter=labels.team+%3D+y", token: token)
        #expect((filtered["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted() == ["bulk-a", "bulk-b"])
        let (_, a) = try await bridge.compute(.get, "zones/\(zone)/disks/bulk-a", token: token)
        #expect(a["labels"] as? [String: String] == ["team": "y", "tier": "bulk-a"])
        let missing = await bridge.send(
            .post, "\(base)/bulkSetLabels?resource=nope", body: #"{"requests": [{"labels": {}}]}"#, token: token)
        #expect(missing.status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func bulkSetLabelsRefusesBadInputBeforeAnyCloudStackCall() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, _, _) = try await InstanceTests.setting(bridge, token)
        let base = "/compute/v1/projects/user1/zones/\(zone)/disks/bulkSetLabels"
        let cases: [(query: String, body: String, field: String)] = [
            ("", #"{"requests": [{"labels": {}}]}"#, "resource"),
            ("?resource=Bad_Name", #"{"requests": [{"labels": {}}]}"#, "resource"),
            ("?resource=d", #"{}"#, "requests"),
            ("?resource=d", #"{"requests": [{"labels": {}}, {"labels": {}}]}"#, "requests[1]"),
            ("?resource=d", #"{"requests": [{"labels": {"Bad": "x"}}]}"#, "Bad"),
            ("?resource=d", #"{"requests": [{"labels": {"a": 1}}]}"#, "requests[0].labels.a"),
            ("?resource=d", #"{"requests": "x"}"#, "requests"),
        ]
        for (query, body, field) in cases {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, base + query, body: body, token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(query) \(body): \(text)")
            #expect(text.contains(field), "\(query) \(body): \(text)")
            #expect(bridge.transport.log.commands == [], "\(query) \(body)")
        }
    }

    @Test func aDisksStatusFollowsItsVolumesState() {
        let links = Links(publicBaseURL: "https://bridge.test", project: "p")
        for (state, status) in [
            ("Allocated", "READY"), ("Ready", "READY"), ("Creating", "CREATING"), ("Resizing", "CREATING"), ("Destroy", "DELETING"),
            ("Expunging", "DELETING"), ("UploadError", "FAILED"), ("Error", "FAILED"),
        ] {
            var volume = Volume()
            volume.id = "v-1"
            volume.state = state
            #expect(Conversions.disk(Named(name: "d", row: volume), zone: "z", links: links).status == status, "\(state)")
        }
    }

    @Test func theBootDiskHasTheBootDiskTypeAndThatTypeResolves() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let validator = SchemaValidator()
        let (_, boot) = try await bridge.compute(.get, "zones/\(zone)/disks/app", token: token)
        let type = try #require(boot["type"] as? String)
        #expect(type.hasSuffix("/zones/\(zone)/diskTypes/\(BootDiskType.name)"))
        let get = await bridge.send(.get, String(type.dropFirst(TestBridge.base.count)), token: token)
        #expect(get.status == 200)
        validator.add("DiskType", get.body, label: "diskTypes.get boot type")
        let (_, aggregated) = try await bridge.compute(.get, "aggregated/diskTypes", token: token)
        let scopes = try #require(aggregated["items"] as? [String: [String: Any]])
        let names = (scopes["zones/\(zone)"]?["diskTypes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains(BootDiskType.name))
        // A data disk of the boot type is refused, naming the field: CloudStack makes data disks from disk offerings.
        let refused = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/disks", body: #"{"name": "d", "type": "diskTypes/pd-standard"}"#,
            token: token)
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("resource.type"))
        #expect(try validator.problems() == [])
    }
}

import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("instances.insert with disks[1..]: existing disks by source, new ones from initializeParams")
struct InstanceExtraDisksTests {
    @Test func extraDisksAreCreatedOrAttachedWithTheirDeviceNamesAndAutoDelete() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(zone)/disks", body: #"{"name": "kept", "sizeGb": "4"}"#, token: token, validator: validator)
        let body = """
            {"name": "multi", "machineType": "\(machineType)",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}},
                       {"source": "projects/user1/zones/\(zone)/disks/kept", "deviceName": "old"},
                       {"initializeParams": {"diskName": "scratch", "diskSizeGb": "6", "diskType": "zones/\(zone)/diskTypes/custom"},
                        "deviceName": "new", "autoDelete": true},
                       {"initializeParams": {}}]}
            """
        let insert = try await DiskTests.run(bridge, .post, "zones/\(zone)/instances", body: body, token: token, validator: validator)
        #expect(insert["operationType"] as? String == "insert")
        #expect((insert["targetLink"] as? String)?.hasSuffix("/instances/multi") == true)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/multi", token: token)
        validator.add("Instance", get.body, label: "instances.get")
        let instance = try DiskTests.object((get.status, get.body))
        let disks = try #require(instance["disks"] as? [[String: Any]])
        #expect(disks.map { $0["deviceName"] as? String ?? "" } == ["multi", "old", "new", "multi-3"])
        #expect(disks.map { $0["index"] as? Int ?? -1 } == [0, 1, 2, 3])
        #expect(disks.map { $0["autoDelete"] as? Bool ?? false } == [true, false, true, false])
        #expect(
            disks.map { ($0["source"] as? String)?.split(separator: "/").last.map(String.init) ?? "" } == [
                "multi", "kept", "scratch", "multi-3",
            ])
        let (_, scratch) = try await bridge.compute(.get, "zones/\(zone)/disks/scratch", token: token)
        #expect(scratch["sizeGb"] as? String == "6")
        #expect((scratch["users"] as? [String])?.first?.hasSuffix("/instances/multi") == true)
        let (_, defaulted) = try await bridge.compute(.get, "zones/\(zone)/disks/multi-3", token: token)
        #expect(defaulted["sizeGb"] as? String == String(DisksInsert.defaultGb))
        // instances.delete takes the auto-delete disk and keeps the others.
        _ = try await DiskTests.run(bridge, .delete, "zones/\(zone)/instances/multi", body: nil, token: token, validator: validator)
        let (_, left) = try await bridge.compute(.get, "zones/\(zone)/disks", token: token)
        // Destroyed with the VM (not yet expunged): listed as DELETING until CloudStack expunges them.
        let status = Dictionary(
            uniqueKeysWithValues: (left["items"] as? [[String: Any]] ?? []).map {
                ($0["name"] as? String ?? "", $0["status"] as? String ?? "")
            })
        #expect(status["kept"] == "READY")
        #expect(status["multi-3"] == "READY")
        #expect(status["scratch"] == nil || status["scratch"] == "DELETING")
        #expect(status["multi"] == nil || status["multi"] == "DELETING")
        #expect(try validator.problems() == [])
    }

    @Test func aDiskJobThatFailsAfterTheDeployIsTheOperationsError() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        // CloudStack 4.18 attaches at most 6 data disks: the seventh createVolume job fails after the deploy.
        let extras = (1...7).map { #"{"initializeParams": {"diskName": "many-\#($0)", "diskSizeGb": "1"}}"# }.joined(separator: ", ")
        let body = """
            {"name": "many", "machineType": "\(machineType)",
             "disks": [{"initializeParams": {"sourceImage": "global/images/\(image)"}}, \(extras)]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "instances.insert")
        let first = try DiskTests.object((insert.status, insert.body))
        let done = try await bridge.waitDone(first, token: token)
        validator.add("Operation", try JSONSerialization.data(withJSONObject: done).map { $0 }, label: "failed insert")
        let errors = (done["error"] as? [String: Any])?["errors"] as? [[String: Any]]
        #expect((errors?.first?["message"] as? String)?.contains("maximum number of data disks") == true, "\(done)")
        // The same operation answers the same way again: only its progress fields could ever change.
        let again = try await bridge.waitDone(first, token: token)
        #expect(again["targetLink"] as? String == done["targetLink"] as? String)
        #expect((again["error"] as? [String: Any]) != nil)
        // What was made is visible, not hidden: the instance with the six disks that fit.
        let (_, instance) = try await bridge.compute(.get, "zones/\(zone)/instances/many", token: token)
        #expect((instance["disks"] as? [[String: Any]])?.count == 7)
        #expect(try validator.problems() == [])
    }

    @Test func aMissingOrBusyDiskRefusesTheInsertBeforeTheDeploy() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let (_, _, machineType) = try await InstanceTests.setting(bridge, token)
        let (_, images) = try await bridge.compute(.get, "global/images", token: token)
        let image = try #require((images["items"] as? [[String: Any]])?.first?["name"] as? String)
        for (extra, status) in [
            (#"{"source": "zones/\#(zone)/disks/nope"}"#, 404),
            (#"{"source": "zones/\#(zone)/disks/app"}"#, 400),
            (#"{"initializeParams": {"diskName": "app2", "diskType": "diskTypes/nope"}}"#, 404),
        ] {
            bridge.transport.log.reset()
            let body = """
                {"name": "other", "machineType": "\(machineType)",
                 "disks": [{"initializeParams": {"sourceImage": "global/images/\(image)"}}, \(extra)]}
                """
            let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
            #expect(response.status == status, "\(extra): \(String(decoding: response.body, as: UTF8.self))")
            #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"), "\(extra)")
        }
    }

    @Test(arguments: [
        (#"{"source": "d", "boot": true}"#, "resource.disks[1].boot"),
        (#"{"source": "d", "mode": "READ_ONLY"}"#, "resource.disks[1].mode"),
        (#"{"source": "d", "type": "SCRATCH"}"#, "resource.disks[1].type"),
        (#"{"source": "d", "autoDelete": "yes"}"#, "resource.disks[1].autoDelete"),
        (#"{"source": "d", "deviceName": "Bad Name"}"#, "resource.disks[1].deviceName"),
        (#"{"source": "d", "diskEncryptionKey": {"rawKey": "AAAA"}}"#, "resource.disks[1].diskEncryptionKey"),
        (#"{}"#, "resource.disks[1].source"),
        (#"{"source": "d", "initializeParams": {}}"#, "resource.disks[1].initializeParams"),
        (#"{"source": "zones/z/disks/Bad_Disk"}"#, "resource.disks[1].source"),
        (#"{"initializeParams": {"diskSizeGb": "0"}}"#, "resource.disks[1].initializeParams.diskSizeGb"),
        (#"{"initializeParams": {"diskSizeGb": "70000"}}"#, "resource.disks[1].initializeParams.diskSizeGb"),
        (#"{"initializeParams": {"diskName": "Bad"}}"#, "resource.disks[1].initializeParams.diskName"),
        (#"{"initializeParams": {"diskName": "a"}}"#, "resource.disks[1].initializeParams.diskName"),
        (#"{"initializeParams": {"diskType": "diskTypes/Bad Type"}}"#, "resource.disks[1].initializeParams.diskType"),
        (#"{"initializeParams": {"sourceImage": "global/images/i"}}"#, "resource.disks[1].initializeParams.sourceImage"),
        (#"{"initializeParams": {"sourceSnapshot": "global/snapshots/s"}}"#, "resource.disks[1].initializeParams.sourceSnapshot"),
        ("\"d\"", "resource.disks[1]"),
    ])
    func decodeNamesTheExtraDiskMemberItRefuses(extra: String, member: String) throws {
        let body = #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}, \#(extra)]}"#
        let request = MethodRequest(path: ["project": "p", "zone": "z"], query: FormFields([UInt8]()), body: Array(body.utf8))
        do {
            _ = try InstancesInsert.decode(request)
            Issue.record("accepted \(extra)")
        } catch {
            #expect(error.status == 400)
            #expect(error.message.contains("'\(member)"), "\(error.message)")
        }
    }

    @Test func twoExtraDisksCannotShareADeviceNameOrADisk() throws {
        for (extras, member) in [
            (#"{"source": "d", "deviceName": "x"}, {"source": "e", "deviceName": "x"}"#, "resource.disks[2].deviceName"),
            (#"{"source": "d"}, {"source": "zones/z/disks/d"}"#, "resource.disks[2].source"),
            (
                #"{"initializeParams": {"diskName": "n"}}, {"initializeParams": {"diskName": "n"}}"#,
                "resource.disks[2].initializeParams.diskName"
            ),
        ] {
            let body = #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}, \#(extras)]}"#
            let request = MethodRequest(path: ["project": "p", "zone": "z"], query: FormFields([UInt8]()), body: Array(body.utf8))
            #expect(throws: GCEError.self) { _ = try InstancesInsert.decode(request) }
            do {
                _ = try InstancesInsert.decode(request)
            } catch {
                #expect(error.message.contains("'\(member)'"), "\(error.message)")
            }
        }
    }
}

import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Snapshots: create (one volume, every volume of an instance), describe with owners, filters and
/// pages, attributes, delete; every answer parsed by botocore.
@Suite struct SnapshotActionTests {
    static func snapshots(_ parsed: [String: Any]) -> [[String: Any]] { parsed["Snapshots"] as? [[String: Any]] ?? [] }
    static func text(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    /// The root volume of the first seeded instance, and that instance.
    static func rootVolume(_ cloud: EC2TestCloud) async throws -> (instance: String, volume: String) {
        let instance = try #require(InstanceActionTests.instances(try await cloud.call("DescribeInstances")).first)
        let id = try #require(instance["InstanceId"] as? String)
        let mappings = instance["BlockDeviceMappings"] as? [[String: Any]] ?? []
        let volume = try #require((mappings.first?["Ebs"] as? [String: Any])?["VolumeId"] as? String)
        return (id, volume)
    }

    @Test func createDescribeWaitAndDeleteASnapshot() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1), jobNanos: 60_000_000_000)
        let (_, volume) = try await Self.rootVolume(cloud)
        let created = await cloud.send(
            "CreateSnapshot",
            [
                ("VolumeId", volume), ("Description", "nightly <backup> & more"), ("TagSpecification.1.ResourceType", "snapshot"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "nightly"),
            ])
        let checked = try BotocoreResponseChecker.check([("CreateSnapshot", created)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing) \(Self.text(created))")
        let snapshot = try #require(checked.parsed["SnapshotId"] as? String, "\(Self.text(created))")
        #expect(snapshot.hasPrefix("snap-"))
        #expect(checked.parsed["State"] as? String == "pending")
        #expect(checked.parsed["VolumeId"] as? String == volume)
        #expect(checked.parsed["Description"] as? String == "nightly <backup> & more")

        let pending = Self.snapshots(try await cloud.call("DescribeSnapshots", [("SnapshotId.1", snapshot)]))
        #expect(pending.first?["State"] as? String == "pending")
        cloud.clock.advance(seconds: 61)
        let described = await cloud.send("DescribeSnapshots", [("Owner.1", "self")])
        let parsed = try BotocoreResponseChecker.check([("DescribeSnapshots", described)])[0]
        #expect(parsed.unknown.isEmpty && parsed.missing.isEmpty, "\(parsed.unknown) \(parsed.missing)")
        let done = try #require(Self.snapshots(parsed.parsed).first { $0["SnapshotId"] as? String == snapshot })
        #expect(done["State"] as? String == "completed")
        #expect(done["Progress"] as? String == "100%")
        #expect(done["OwnerId"] as? String == cloud.user.account)
        #expect((done["VolumeSize"] as? Int ?? 0) >= 1)
        #expect((done["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "nightly")

        // Filters, owners, restorable-by.
        let byTag = try await cloud.call("DescribeSnapshots", [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "night*")])
        #expect(Self.snapshots(byTag).map { $0["SnapshotId"] as? String } == [snapshot])
        let byVolume = try await cloud.call(
            "DescribeSnapshots",
            [("Filter.1.Name", "volume-id"), ("Filter.1.Value.1", volume), ("Filter.2.Name", "status"), ("Filter.2.Value.1", "completed")])
        #expect(Self.snapshots(byVolume).count == 1)
        for (name, value) in [("progress", "100%"), ("owner-id", cloud.user.account), ("description", "nightly*")] {
            let hit = try await cloud.call("DescribeSnapshots", [("Filter.1.Name", name), ("Filter.1.Value.1", value)])
            #expect(Self.snapshots(hit).count == 1, "\(name)")
        }
        let none = try await cloud.call("DescribeSnapshots", [("Filter.1.Name", "volume-size"), ("Filter.1.Value.1", "9999")])
        #expect(Self.snapshots(none).isEmpty)
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots", [("Owner.1", "amazon")])).isEmpty)
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots", [("RestorableBy.1", "all")])).isEmpty)
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots", [("Owner.1", cloud.user.account)])).count == 1)
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots", [], as: cloud.other)).isEmpty)
        let foreign = await cloud.send("DescribeSnapshots", [("SnapshotId.1", snapshot)], as: cloud.other)
        #expect(Self.text(foreign).contains("InvalidSnapshot.NotFound"))
        let badFilter = await cloud.send("DescribeSnapshots", [("Filter.1.Name", "colour"), ("Filter.1.Value.1", "x")])
        #expect(Self.text(badFilter).contains("InvalidParameterValue"))
        let malformed = await cloud.send("DescribeSnapshots", [("SnapshotId.1", "snap-zz")])
        #expect(Self.text(malformed).contains("InvalidSnapshotID.Malformed"))

        // Attributes: never shared.
        let attribute = await cloud.send("DescribeSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "createVolumePermission")])
        let attributeChecked = try BotocoreResponseChecker.check([("DescribeSnapshotAttribute", attribute)])[0]
        #expect(attributeChecked.unknown.isEmpty && attributeChecked.missing.isEmpty, "\(Self.text(attribute))")
        #expect(attributeChecked.parsed["SnapshotId"] as? String == snapshot)
        #expect((attributeChecked.parsed["CreateVolumePermissions"] as? [Any] ?? []).isEmpty)
        let share = await cloud.send(
            "ModifySnapshotAttribute", [("SnapshotId", snapshot), ("CreateVolumePermission.Add.1.Group", "all")])
        #expect(Self.text(share).contains("UnsupportedOperation") && Self.text(share).contains("CreateVolumePermission.Add"))
        let older = await cloud.send(
            "ModifySnapshotAttribute",
            [("SnapshotId", snapshot), ("Attribute", "createVolumePermission"), ("OperationType", "add"), ("UserId.1", "user2")])
        #expect(Self.text(older).contains("UnsupportedOperation"))
        let unshare = try await cloud.call(
            "ModifySnapshotAttribute", [("SnapshotId", snapshot), ("CreateVolumePermission.Remove.1.UserId", "user2")])
        #expect(unshare["Return"] as? Bool == true || unshare.isEmpty)
        let reset = await cloud.send("ResetSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "createVolumePermission")])
        #expect(reset.status == 200, "\(Self.text(reset))")
        let badReset = await cloud.send("ResetSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "productCodes")])
        #expect(Self.text(badReset).contains("InvalidParameterValue"))
        let badAttribute = await cloud.send("DescribeSnapshotAttribute", [("SnapshotId", snapshot), ("Attribute", "colour")])
        #expect(Self.text(badAttribute).contains("InvalidParameterValue"))

        // Delete: gone from lists at once, asked for by id an empty answer (not NotFound) for a while.
        let deleted = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(deleted.status == 200, "\(Self.text(deleted))")
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots")).isEmpty)
        let byID = await cloud.send("DescribeSnapshots", [("SnapshotId.1", snapshot)])
        #expect(byID.status == 200, "\(Self.text(byID))")
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots", [("SnapshotId.1", snapshot)])).isEmpty)
        cloud.clock.advance(seconds: 61)
        let again = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(Self.text(again).contains("InvalidSnapshot.NotFound"))
        let missing = await cloud.send("DescribeSnapshots", [("SnapshotId.1", "snap-" + String(repeating: "d", count: 32))])
        #expect(Self.text(missing).contains("InvalidSnapshot.NotFound"))
    }

    @Test func refusalsAndErrors() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1), jobNanos: 2_000_000_000)
        let (_, volume) = try await Self.rootVolume(cloud)
        let unknown = await cloud.send("CreateSnapshot", [("VolumeId", "vol-" + String(repeating: "e", count: 32))])
        #expect(Self.text(unknown).contains("InvalidVolume.NotFound"))
        let malformed = await cloud.send("CreateSnapshot", [("VolumeId", "volume-1")])
        #expect(Self.text(malformed).contains("InvalidVolumeID.Malformed"))
        let missing = await cloud.send("CreateSnapshot")
        #expect(Self.text(missing).contains("MissingParameter") || Self.text(missing).contains("InvalidParameterValue"))
        let outpost = await cloud.send("CreateSnapshot", [("VolumeId", volume), ("OutpostArn", "arn:aws:outposts:x")])
        #expect(Self.text(outpost).contains("UnsupportedOperation") && Self.text(outpost).contains("OutpostArn"))
        let wrongType = await cloud.send(
            "CreateSnapshot",
            [("VolumeId", volume), ("TagSpecification.1.ResourceType", "volume"), ("TagSpecification.1.Tag.1.Key", "k")])
        #expect(Self.text(wrongType).contains("not a valid taggable resource type"))
        let reserved = await cloud.send(
            "CreateSnapshot",
            [("VolumeId", volume), ("TagSpecification.1.ResourceType", "snapshot"), ("TagSpecification.1.Tag.1.Key", "aws:x")])
        #expect(Self.text(reserved).contains("InvalidParameterValue"))
        let dryRun = await cloud.send("CreateSnapshot", [("VolumeId", volume), ("DryRun", "true")])
        #expect(Self.text(dryRun).contains("DryRunOperation"))
        #expect(Self.snapshots(try await cloud.call("DescribeSnapshots")).isEmpty)
        let foreign = await cloud.send("CreateSnapshot", [("VolumeId", volume)], as: cloud.other)
        #expect(Self.text(foreign).contains("InvalidVolume.NotFound"))

        // Still being created: CloudStack refuses to delete it.
        let snapshot = try #require(try await cloud.call("CreateSnapshot", [("VolumeId", volume)])["SnapshotId"] as? String)
        let early = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(Self.text(early).contains("IncorrectState"))
        let pages = await cloud.send("DescribeSnapshots", [("SnapshotId.1", snapshot), ("MaxResults", "5")])
        #expect(Self.text(pages).contains("InvalidParameterCombination"))
    }

    @Test func aFailedSnapshotShowsAsError() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1), jobNanos: 1_000_000_000)
        let (_, volume) = try await Self.rootVolume(cloud)
        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createSnapshot"]))
        let snapshot = try #require(try await cloud.call("CreateSnapshot", [("VolumeId", volume)])["SnapshotId"] as? String)
        cloud.clock.advance(seconds: 2)
        let failed = Self.snapshots(try await cloud.call("DescribeSnapshots", [("SnapshotId.1", snapshot)]))
        #expect(failed.first?["State"] as? String == "error")
        cloud.simulator.setErrorInjection(ErrorInjection())
        let deleted = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(deleted.status == 200, "\(Self.text(deleted))")
    }

    @Test func createSnapshotsOfAnInstanceAndPaginate() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1))
        let (instance, root) = try await Self.rootVolume(cloud)
        let all = await cloud.send(
            "CreateSnapshots",
            [
                ("InstanceSpecification.InstanceId", instance), ("Description", "every volume"),
                ("TagSpecification.1.ResourceType", "snapshot"), ("TagSpecification.1.Tag.1.Key", "set"),
                ("TagSpecification.1.Tag.1.Value", "a"), ("CopyTagsFromSource", "volume"),
            ])
        let checked = try BotocoreResponseChecker.check([("CreateSnapshots", all)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing) \(Self.text(all))")
        let set = checked.parsed["Snapshots"] as? [[String: Any]] ?? []
        #expect(set.first?["VolumeId"] as? String == root)
        #expect(set.allSatisfy { ($0["Tags"] as? [[String: Any]])?.contains { $0["Key"] as? String == "set" } == true })
        let exclude = await cloud.send(
            "CreateSnapshots", [("InstanceSpecification.InstanceId", instance), ("InstanceSpecification.ExcludeBootVolume", "true")])
        let rest = (try BotocoreResponseChecker.check([("CreateSnapshots", exclude)])[0]).parsed["Snapshots"] as? [[String: Any]] ?? []
        #expect(!rest.contains { $0["VolumeId"] as? String == root }, "\(Self.text(exclude))")
        let notAttached = await cloud.send(
            "CreateSnapshots",
            [
                ("InstanceSpecification.InstanceId", instance),
                ("InstanceSpecification.ExcludeDataVolumeId.1", "vol-" + String(repeating: "a", count: 32)),
            ])
        #expect(Self.text(notAttached).contains("InvalidParameterValue"))
        let noInstance = await cloud.send("CreateSnapshots", [("Description", "x")])
        #expect(Self.text(noInstance).contains("MissingParameter"))
        let badInstance = await cloud.send(
            "CreateSnapshots", [("InstanceSpecification.InstanceId", "i-" + String(repeating: "b", count: 32))])
        #expect(Self.text(badInstance).contains("InvalidInstanceID.NotFound"))

        for _ in 0..<5 { _ = try await cloud.call("CreateSnapshot", [("VolumeId", root)]) }
        var seen: [String] = []
        var token: String?
        repeat {
            var parameters = [("MaxResults", "5")]
            if let token { parameters.append(("NextToken", token)) }
            let page = try await cloud.call("DescribeSnapshots", parameters)
            seen += Self.snapshots(page).compactMap { $0["SnapshotId"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        let everything = Self.snapshots(try await cloud.call("DescribeSnapshots")).compactMap { $0["SnapshotId"] as? String }
        #expect(seen == everything && seen.count == set.count + rest.count + 5)
        let tampered = await cloud.send("DescribeSnapshots", [("MaxResults", "5"), ("NextToken", "AAAA")])
        #expect(Self.text(tampered).contains("InvalidNextToken"))
    }
}

import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Images from running instances and snapshots: CreateImage's pending image held on the snapshot,
/// its template made when the snapshot is ready, ids stable across gateways, failures, tags,
/// duplicate names, RegisterImage from a snapshot, description and launch permission resets.
@Suite struct ImageFromSnapshotTests {
    static func text(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    /// A second gateway (fresh memory) in front of the same CloudStack, as after a restart.
    static func restarted(_ cloud: EC2TestCloud) throws -> EC2Pipeline {
        let keys = cloud.simulator.credentials.map { CloudStackCredentials(apiKey: $0.apiKey, secretKey: $0.secretKey) }
        return try EC2Pipeline(
            configuration: EC2Configuration(
                region: EC2TestCloud.region, endpointURL: "https://\(EC2TestCloud.host)/", pageTokenSecret: Array(repeating: 42, count: 32)),
            client: cloud.client, credentials: StaticCredentialSource(keys), clock: cloud.clock.clock)
    }

    static func describe(_ pipeline: EC2Pipeline, _ cloud: EC2TestCloud, _ image: String) async throws -> [[String: Any]] {
        let request = EC2TestCloud.signedPost(
            [("Action", "DescribeImages"), ("Version", "2016-11-15"), ("ImageId.1", image)], accessKey: cloud.user.apiKey,
            secret: cloud.user.secretKey, at: cloud.clock.epochSeconds)
        var context = RequestContext(requestID: "req-restart", startNanos: 0)
        let response = await PhasedResponder(pipeline).respond(to: request, context: &context)
        let checked = try BotocoreResponseChecker.check([("DescribeImages", response)])[0]
        if let error = checked.error { throw error }
        return ImageActionTests.images(checked.parsed)
    }

    @Test func createImageOfARunningInstance() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1), jobNanos: 60_000_000_000)
        let (instance, volume) = try await SnapshotActionTests.rootVolume(cloud)
        // A snapshot already being taken of the root volume: CloudStack runs the image's after it.
        let earlier = try #require(try await cloud.call("CreateSnapshot", [("VolumeId", volume)])["SnapshotId"] as? String)
        let created = await cloud.send(
            "CreateImage",
            [
                ("InstanceId", instance), ("Name", "web (v1)"), ("Description", "the web tier"), ("NoReboot", "true"),
                ("TagSpecification.1.ResourceType", "image"), ("TagSpecification.1.Tag.1.Key", "role"),
                ("TagSpecification.1.Tag.1.Value", "web & <api>"), ("TagSpecification.2.ResourceType", "snapshot"),
                ("TagSpecification.2.Tag.1.Key", "backup"), ("TagSpecification.2.Tag.1.Value", "yes"),
            ])
        let checked = try BotocoreResponseChecker.check([("CreateImage", created)])[0]
        let image = try #require(checked.parsed["ImageId"] as? String, "\(Self.text(created))")
        let snapshot = "snap-" + image.dropFirst(4)

        // Pending at once, found by id, with its tags; the snapshot carries its own.
        var seen = try await cloud.call("DescribeImages", [("ImageId.1", image)])
        var one = try #require(ImageActionTests.images(seen).first)
        #expect(one["State"] as? String == "pending")
        #expect(one["Name"] as? String == "web (v1)")
        #expect((one["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "web & <api>")
        // Pages cut from CloudStack's lists show it too, once, after the templates.
        for owners in [[], [("Owner.1", "self")]] {
            let paged = ImageActionTests.images(try await cloud.call("DescribeImages", owners + [("MaxResults", "5")]))
            #expect(paged.filter { $0["ImageId"] as? String == image && $0["State"] as? String == "pending" }.count == 1, "\(owners)")
        }
        let duplicate = await cloud.send("CreateImage", [("InstanceId", instance), ("Name", "web (v1)")])
        #expect(Self.text(duplicate).contains("InvalidAMIName.Duplicate"))
        let inUse = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(Self.text(inUse).contains("InvalidSnapshot.InUse") || Self.text(inUse).contains("IncorrectState"))

        // The snapshot is backed up: the next look creates the template; the id does not change.
        cloud.clock.advance(seconds: 61)
        // ActionContext.createTags submits the snapshot's tags without waiting: seen once its job ended.
        let snapshots = SnapshotActionTests.snapshots(try await cloud.call("DescribeSnapshots", [("SnapshotId.1", snapshot)]))
        #expect((snapshots.first?["Tags"] as? [[String: Any]])?.map { $0["Key"] as? String } == ["backup"])
        #expect((snapshots.first?["Description"] as? String)?.contains(image) == true)
        seen = try await cloud.call("DescribeImages", [("Owner.1", "self")])
        one = try #require(ImageActionTests.images(seen).first)
        #expect(ImageActionTests.images(seen).count == 1)
        // The manual clock moves while the gateway waits for its tag jobs: the template may already be ready.
        #expect(one["ImageId"] as? String == image && ["pending", "available"].contains(one["State"] as? String))
        cloud.clock.advance(seconds: 61)
        let response = await cloud.send("DescribeImages", [("ImageId.1", image)])
        let parsed = try BotocoreResponseChecker.check([("DescribeImages", response)])[0]
        #expect(parsed.unknown.isEmpty && parsed.missing.isEmpty, "\(parsed.unknown) \(parsed.missing)")
        one = try #require(ImageActionTests.images(parsed.parsed).first)
        #expect(one["State"] as? String == "available")
        #expect(one["Description"] as? String == "the web tier")
        let mapping = (one["BlockDeviceMappings"] as? [[String: Any]])?.first?["Ebs"] as? [String: Any]
        #expect(mapping?["SnapshotId"] as? String == snapshot)
        #expect((one["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "web & <api>")
        #expect(ImageActionTests.images(try await cloud.call("DescribeImages")).filter { $0["Name"] as? String == "web (v1)" }.count == 1)
        let paged = ImageActionTests.images(try await cloud.call("DescribeImages", [("MaxResults", "1000")]))
        #expect(paged.filter { $0["ImageId"] as? String == image }.map { $0["State"] as? String } == ["available"])
        // Another gateway (or this one after a restart) sees the same image under the same id.
        #expect(try await Self.describe(try Self.restarted(cloud), cloud, image).first?["State"] as? String == "available")
        let attribute = try await cloud.call("DescribeImageAttribute", [("ImageId", image), ("Attribute", "blockDeviceMapping")])
        #expect(
            ((attribute["BlockDeviceMappings"] as? [[String: Any]])?.first?["Ebs"] as? [String: Any])?["SnapshotId"] as? String == snapshot)

        // Describable and modifiable by the answered id.
        let modified = await cloud.send("ModifyImageAttribute", [("ImageId", image), ("Description.Value", "the new web tier")])
        #expect(modified.status == 200, "\(Self.text(modified))")
        let description = try await cloud.call("DescribeImageAttribute", [("ImageId", image), ("Attribute", "description")])
        #expect((description["Description"] as? [String: Any])?["Value"] as? String == "the new web tier")
        _ = try await cloud.call("ModifyImageAttribute", [("ImageId", image), ("LaunchPermission.Add.1.Group", "all")])
        let reset = await cloud.send("ResetImageAttribute", [("ImageId", image), ("Attribute", "launchPermission")])
        #expect(reset.status == 200, "\(Self.text(reset))")
        let permissions = try await cloud.call("DescribeImageAttribute", [("ImageId", image), ("Attribute", "launchPermission")])
        #expect((permissions["LaunchPermissions"] as? [Any] ?? []).isEmpty)
        let badReset = await cloud.send("ResetImageAttribute", [("ImageId", image), ("Attribute", "kernel")])
        #expect(Self.text(badReset).contains("InvalidParameterValue"))
        let kernel = await cloud.send("ModifyImageAttribute", [("ImageId", image), ("Attribute", "kernel"), ("Value", "aki-1")])
        #expect(Self.text(kernel).contains("UnsupportedOperation"))

        // Launchable by the answered id, and the instance reports that id as its image.
        let launched = await cloud.send(
            "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("InstanceType", "t3.micro")])
        let run = try BotocoreResponseChecker.check([("RunInstances", launched)])[0]
        #expect(run.error == nil, "\(Self.text(launched))")
        let fromImage = try #require((run.parsed["Instances"] as? [[String: Any]])?.first)
        #expect(fromImage["ImageId"] as? String == image)
        let described = try await cloud.call("DescribeInstances", [("InstanceId.1", fromImage["InstanceId"] as? String ?? "")])
        #expect(InstanceActionTests.instances(described).first?["ImageId"] as? String == image)

        // Deregistered: no longer listed, an empty answer by id; the snapshot stays and may be deleted.
        _ = try await cloud.call("DeregisterImage", [("ImageId", image)])
        #expect(ImageActionTests.images(try await cloud.call("DescribeImages", [("ImageId.1", image)])).isEmpty)
        #expect(ImageActionTests.images(try await cloud.call("DescribeImages", [("Owner.1", "self")])).isEmpty)
        // At once, as on EC2, while CloudStack's deleteTemplate job still runs.
        let deleted = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(deleted.status == 200, "\(Self.text(deleted))")
        #expect(SnapshotActionTests.snapshots(try await cloud.call("DescribeSnapshots")).map { $0["SnapshotId"] as? String } == [earlier])
    }

    @Test func aFailedSnapshotOrTemplateIsAFailedImage() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1), jobNanos: 1_000_000_000)
        let (instance, _) = try await SnapshotActionTests.rootVolume(cloud)
        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createSnapshot"]))
        let first = try #require(try await cloud.call("CreateImage", [("InstanceId", instance), ("Name", "broken")])["ImageId"] as? String)
        cloud.clock.advance(seconds: 2)
        #expect(
            ImageActionTests.images(try await cloud.call("DescribeImages", [("ImageId.1", first)])).first?["State"] as? String == "failed")
        cloud.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createTemplate"]))
        let second = try #require(
            try await cloud.call("CreateImage", [("InstanceId", instance), ("Name", "broken too")])["ImageId"] as? String)
        cloud.clock.advance(seconds: 2)
        _ = try await cloud.call("DescribeImages", [("ImageId.1", second)])
        cloud.clock.advance(seconds: 2)
        let state = ImageActionTests.images(try await cloud.call("DescribeImages", [("ImageId.1", second)])).first?["State"] as? String
        #expect(state == "failed")
        cloud.simulator.setErrorInjection(ErrorInjection())
        // A failed image can be deregistered; its snapshot stays a plain snapshot.
        _ = try await cloud.call("DeregisterImage", [("ImageId", first)])
        #expect(
            ImageActionTests.images(try await cloud.call("DescribeImages", [("Owner.1", "self")])).map { $0["ImageId"] as? String } == [
                second
            ])
    }

    @Test func registerAnImageFromASnapshot() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1))
        let (_, volume) = try await SnapshotActionTests.rootVolume(cloud)
        let snapshot = try #require(try await cloud.call("CreateSnapshot", [("VolumeId", volume)])["SnapshotId"] as? String)
        let registered = await cloud.send(
            "RegisterImage",
            [
                ("Name", "from-snapshot"), ("RootDeviceName", "/dev/sda1"), ("BlockDeviceMapping.1.DeviceName", "/dev/sda1"),
                ("BlockDeviceMapping.1.Ebs.SnapshotId", snapshot), ("Architecture", "x86_64"), ("VirtualizationType", "hvm"),
                ("TagSpecification.1.ResourceType", "image"), ("TagSpecification.1.Tag.1.Key", "k"),
                ("TagSpecification.1.Tag.1.Value", "v"),
            ])
        let checked = try BotocoreResponseChecker.check([("RegisterImage", registered)])[0]
        let image = try #require(checked.parsed["ImageId"] as? String, "\(Self.text(registered))")
        let one = try #require(ImageActionTests.images(try await cloud.call("DescribeImages", [("ImageId.1", image)])).first)
        #expect(((one["BlockDeviceMappings"] as? [[String: Any]])?.first?["Ebs"] as? [String: Any])?["SnapshotId"] as? String == snapshot)
        let inUse = await cloud.send("DeleteSnapshot", [("SnapshotId", snapshot)])
        #expect(Self.text(inUse).contains("InvalidSnapshot.InUse"))
        for (name, value) in [
            ("BlockDeviceMapping.1.Ebs.VolumeSize", "50"), ("BlockDeviceMapping.2.Ebs.SnapshotId", snapshot), ("Architecture", "arm64"),
        ] {
            let refused = await cloud.send(
                "RegisterImage",
                [
                    ("Name", "refused"), ("BlockDeviceMapping.1.DeviceName", "/dev/sda1"),
                    ("BlockDeviceMapping.1.Ebs.SnapshotId", snapshot), (name, value),
                ])
            #expect(Self.text(refused).contains("UnsupportedOperation"), "\(name)")
        }
        let unknown = await cloud.send(
            "RegisterImage", [("Name", "unknown"), ("BlockDeviceMapping.1.Ebs.SnapshotId", "snap-" + String(repeating: "f", count: 32))])
        #expect(Self.text(unknown).contains("InvalidSnapshot.NotFound"))
        let badName = await cloud.send("CreateImage", [("InstanceId", "i-" + String(repeating: "0", count: 32)), ("Name", "bad|name")])
        #expect(Self.text(badName).contains("InvalidParameterValue"))
        let badType = await cloud.send(
            "CreateImage",
            [
                ("InstanceId", "i-" + String(repeating: "0", count: 32)), ("Name", "ok name"),
                ("TagSpecification.1.ResourceType", "volume"), ("TagSpecification.1.Tag.1.Key", "k"),
            ])
        #expect(Self.text(badType).contains("not a valid taggable resource type"))
    }
}

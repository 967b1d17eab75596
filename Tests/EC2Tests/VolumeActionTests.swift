import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Volumes: create, describe with filters and pages, attach and detach with device names, modify,
/// status and attributes, launch volumes and DeleteOnTermination; every answer parsed by botocore.
@Suite struct VolumeActionTests {
    static let zone = "Sandbox-simulator-basic"

    /// Sends, parses with botocore and requires a clean 200 (no unknown or missing members).
    @discardableResult
    static func ok(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = []) async throws -> [String: Any] {
        let response = await cloud.send(action, parameters)
        let checked = try BotocoreResponseChecker.check([(action, response)])[0]
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 200, "\(action): \(body)")
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(action): \(checked.unknown) \(checked.missing) in \(body)")
        if let error = checked.error { throw error }
        return checked.parsed
    }

    /// The error code and message of a refused call (botocore-parsed).
    static func refused(_ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)]) async throws -> (String, String) {
        let response = await cloud.send(action, parameters)
        let checked = try BotocoreResponseChecker.check([(action, response)])[0]
        #expect(response.status >= 400, "\(action) \(parameters): \(String(decoding: response.body, as: UTF8.self))")
        return (checked.error?.code ?? "", checked.error?.message ?? "")
    }

    static func volumes(_ parsed: [String: Any]) -> [[String: Any]] { parsed["Volumes"] as? [[String: Any]] ?? [] }

    static func volume(_ cloud: EC2TestCloud, _ id: String) async throws -> [String: Any] {
        try #require(volumes(try await ok(cloud, "DescribeVolumes", [("VolumeId.1", id)])).first)
    }

    static func create(_ cloud: EC2TestCloud, _ extra: [(String, String)] = [("Size", "3")]) async throws -> String {
        let created = try await ok(cloud, "CreateVolume", [("AvailabilityZone", zone)] + extra)
        return try #require(created["VolumeId"] as? String)
    }

    static func launch(_ cloud: EC2TestCloud, _ extra: [(String, String)] = []) async throws -> String {
        let image = try await InstanceActionTests.imageID(cloud)
        let launched = try await ok(
            cloud, "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.AvailabilityZone", zone)] + extra)
        return try #require((launched["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String)
    }

    static func attachments(_ volume: [String: Any]) -> [[String: Any]] { volume["Attachments"] as? [[String: Any]] ?? [] }

    static func devices(_ cloud: EC2TestCloud, _ instance: String) async throws -> [String: String] {
        let described = InstanceActionTests.instances(try await ok(cloud, "DescribeInstances", [("InstanceId.1", instance)]))
        let mappings = described.first?["BlockDeviceMappings"] as? [[String: Any]] ?? []
        var out: [String: String] = [:]
        for mapping in mappings {
            out[mapping["DeviceName"] as? String ?? ""] = (mapping["Ebs"] as? [String: Any])?["VolumeId"] as? String
        }
        return out
    }

    @Test func createAttachDescribeDetachDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = try await Self.ok(
            cloud, "CreateVolume",
            [
                ("AvailabilityZone", Self.zone), ("Size", "3"), ("TagSpecification.1.ResourceType", "volume"),
                ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "data <1>"),
            ])
        let volume = try #require(created["VolumeId"] as? String)
        #expect(volume.hasPrefix("vol-"))
        #expect(created["Size"] as? Int == 3 && created["VolumeType"] as? String == "gp2")
        #expect(["creating", "available"].contains(created["State"] as? String))
        #expect((created["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "data <1>")

        let described = try await Self.volume(cloud, volume)
        #expect(described["State"] as? String == "available" && described["AvailabilityZone"] as? String == Self.zone)
        #expect(described["SnapshotId"] as? String == "" && described["Encrypted"] as? Bool == false)
        #expect((described["Tags"] as? [[String: Any]])?.map { $0["Key"] as? String } == ["Name"], "internal tags stay hidden")

        let instance = try await Self.launch(cloud)
        let attached = try await Self.ok(cloud, "AttachVolume", [("VolumeId", volume), ("InstanceId", instance), ("Device", "/dev/xvdf")])
        #expect(attached["State"] as? String == "attaching" && attached["Device"] as? String == "/dev/xvdf")
        let inUse = try await Self.volume(cloud, volume)
        #expect(inUse["State"] as? String == "in-use")
        let attachment = try #require(Self.attachments(inUse).first)
        #expect(attachment["InstanceId"] as? String == instance && attachment["State"] as? String == "attached")
        #expect(attachment["Device"] as? String == "/dev/sdf" && attachment["DeleteOnTermination"] as? Bool == false)
        let cloudStack = try await cloud.client.listAll(
            CommandTable.listVolumes, ["id": EC2ID.uuid(of: volume)], as: InstanceActionTests.userCredentials(cloud))
        #expect(cloudStack.first?.deviceid == 1, "/dev/sdf is CloudStack's first data device")

        // DescribeInstances lists the data volume next to the root volume.
        let devices = try await Self.devices(cloud, instance)
        #expect(devices["/dev/sdf"] == volume && devices["/dev/sda1"] != nil)

        for (name, value) in [
            ("attachment.device", "/dev/xvdf"), ("attachment.device", "/dev/sd?"), ("attachment.instance-id", instance),
            ("attachment.status", "attached"), ("attachment.delete-on-termination", "false"), ("status", "in-use"), ("size", "3"),
            ("volume-type", "gp2"), ("tag:Name", "data <1>"), ("availability-zone", Self.zone), ("volume-id", volume),
        ] {
            let matched = Self.volumes(try await Self.ok(cloud, "DescribeVolumes", [("Filter.1.Name", name), ("Filter.1.Value.1", value)]))
            #expect(matched.contains { $0["VolumeId"] as? String == volume }, "\(name)=\(value)")
        }
        let none = try await Self.ok(cloud, "DescribeVolumes", [("Filter.1.Name", "status"), ("Filter.1.Value.1", "available")])
        #expect(!Self.volumes(none).contains { $0["VolumeId"] as? String == volume })
        #expect(
            try await Self.refused(cloud, "DescribeVolumes", [("Filter.1.Name", "colour"), ("Filter.1.Value.1", "x")]).0
                == "InvalidParameterValue")

        let second = try await Self.create(cloud)
        #expect(
            try await Self.refused(cloud, "AttachVolume", [("VolumeId", second), ("InstanceId", instance), ("Device", "/dev/sdf")])
                == ("InvalidParameterValue", "Attachment point /dev/sdf is already in use"))
        #expect(
            try await Self.refused(cloud, "AttachVolume", [("VolumeId", second), ("InstanceId", instance), ("Device", "/dev/sdz")])
                == ("InvalidParameterValue", "Value (/dev/sdz) for parameter device is invalid. /dev/sdz is not a valid EBS device name."))
        #expect(
            try await Self.refused(cloud, "AttachVolume", [("VolumeId", volume), ("InstanceId", instance), ("Device", "/dev/sdg")]).0
                == "VolumeInUse")
        #expect(try await Self.refused(cloud, "DeleteVolume", [("VolumeId", volume)]).0 == "VolumeInUse")
        let other = try await Self.launch(cloud)
        #expect(
            try await Self.refused(cloud, "DetachVolume", [("VolumeId", volume), ("InstanceId", other)]).0 == "InvalidAttachment.NotFound")
        #expect(
            try await Self.refused(cloud, "DetachVolume", [("VolumeId", volume), ("Device", "/dev/sdg")]).0 == "InvalidAttachment.NotFound")

        let detached = try await Self.ok(
            cloud, "DetachVolume", [("VolumeId", volume), ("InstanceId", instance), ("Device", "xvdf"), ("Force", "true")])
        #expect(detached["State"] as? String == "detaching" && detached["Device"] as? String == "/dev/sdf")
        let free = try await Self.volume(cloud, volume)
        #expect(free["State"] as? String == "available" && Self.attachments(free).isEmpty)
        #expect(try await Self.refused(cloud, "DetachVolume", [("VolumeId", volume)]).0 == "IncorrectState")
        #expect(try await Self.devices(cloud, instance)["/dev/sdf"] == nil)

        let deleted = try await Self.ok(cloud, "DeleteVolume", [("VolumeId", volume)])
        #expect(deleted["Return"] as? Bool == true || deleted.isEmpty)
        #expect(try await Self.refused(cloud, "DescribeVolumes", [("VolumeId.1", volume)]).0 == "InvalidVolume.NotFound")
        #expect(try await Self.refused(cloud, "DeleteVolume", [("VolumeId", volume)]).0 == "InvalidVolume.NotFound")
        #expect(try await Self.refused(cloud, "DescribeVolumes", [("VolumeId.1", "vol-12")]).0 == "InvalidVolumeID.Malformed")
    }

    @Test func attachingAndDetachingShowWhileTheJobsRun() async throws {
        let cloud = try EC2TestCloud(seed: .empty, jobNanos: 2_000_000_000)
        let volume = try await Self.create(cloud)
        cloud.clock.advance(seconds: 3)
        #expect(try await Self.volume(cloud, volume)["State"] as? String == "available")
        let instance = try await Self.launch(cloud)
        cloud.clock.advance(seconds: 3)
        _ = try await Self.ok(cloud, "AttachVolume", [("VolumeId", volume), ("InstanceId", instance), ("Device", "/dev/sdh")])
        let attaching = try await Self.volume(cloud, volume)
        #expect(attaching["State"] as? String == "in-use")
        #expect(Self.attachments(attaching).first?["State"] as? String == "attaching")
        #expect(Self.attachments(attaching).first?["Device"] as? String == "/dev/sdh")
        #expect(try await Self.refused(cloud, "DeleteVolume", [("VolumeId", volume)]).0 == "VolumeInUse")
        cloud.clock.advance(seconds: 3)
        let attached = try await Self.volume(cloud, volume)
        #expect(Self.attachments(attached).first?["State"] as? String == "attached")
        let cloudStack = try await cloud.client.listAll(
            CommandTable.listVolumes, ["id": EC2ID.uuid(of: volume)], as: InstanceActionTests.userCredentials(cloud))
        #expect(cloudStack.first?.deviceid == 4, "/dev/sdh skips CloudStack's CD-ROM device 3")

        _ = try await Self.ok(cloud, "DetachVolume", [("VolumeId", volume)])
        let detaching = try await Self.volume(cloud, volume)
        #expect(Self.attachments(detaching).first?["State"] as? String == "detaching")
        #expect(try await Self.refused(cloud, "DetachVolume", [("VolumeId", volume)]).0 == "IncorrectState")
        cloud.clock.advance(seconds: 3)
        #expect(try await Self.volume(cloud, volume)["State"] as? String == "available")
    }

    /// Ansible's ec2_vol sends gp3's baseline explicitly (Iops=3000); EC2's defaults ask nothing of an
    /// offering that sets no IOPS or rate limits.
    @Test func gp3BaselineIsAccepted() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let response = await cloud.send(
            "CreateVolume",
            [("AvailabilityZone", Self.zone), ("Size", "1"), ("VolumeType", "gp3"), ("Iops", "3000"), ("Throughput", "125")])
        let checked = try BotocoreResponseChecker.check([("CreateVolume", response)])[0]
        #expect(checked.error == nil, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(checked.parsed["VolumeType"] as? String == "gp3")
    }

    @Test func createRefusesWhatCloudStackCannotHonour() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let cases: [([(String, String)], String, String)] = [
            ([("Size", "1")], "MissingParameter", "AvailabilityZone"),
            ([("AvailabilityZone", "nowhere"), ("Size", "1")], "InvalidParameterValue", "nowhere"),
            ([("AvailabilityZone", Self.zone)], "MissingParameter", "Size"),
            ([("AvailabilityZone", Self.zone), ("Size", "0")], "InvalidParameterValue", "Volume size"),
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("Encrypted", "true")], "UnsupportedOperation", "Encrypted"),
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("KmsKeyId", "k")], "UnsupportedOperation", "KmsKeyId"),
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("OutpostArn", "arn:x")], "UnsupportedOperation", "OutpostArn"),
            (
                [("AvailabilityZone", Self.zone), ("Size", "1"), ("MultiAttachEnabled", "true")], "UnsupportedOperation",
                "MultiAttachEnabled"
            ),
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("VolumeType", "io1")], "UnsupportedOperation", "io1"),
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("VolumeType", "ssd")], "InvalidParameterValue", "volumeType"),
            // Beyond gp3's baseline (3000 IOPS, 125 MiB/s, EC2's defaults, accepted: see gp3BaselineIsAccepted).
            ([("AvailabilityZone", Self.zone), ("Size", "1"), ("VolumeType", "gp3"), ("Iops", "4000")], "UnsupportedOperation", "Iops"),
            (
                [("AvailabilityZone", Self.zone), ("Size", "1"), ("VolumeType", "gp3"), ("Throughput", "250")], "UnsupportedOperation",
                "Throughput"
            ),
            (
                [("AvailabilityZone", Self.zone), ("Size", "1"), ("TagSpecification.1.ResourceType", "instance")],
                "InvalidParameterValue", "'instance' is not a valid taggable resource type"
            ),
            (
                [("AvailabilityZone", Self.zone), ("SnapshotId", "snap-" + String(repeating: "a", count: 32))], "InvalidSnapshot.NotFound",
                "does not exist"
            ),
        ]
        for (parameters, code, fragment) in cases {
            let (got, message) = try await Self.refused(cloud, "CreateVolume", parameters)
            #expect(got == code && message.contains(fragment), "\(parameters): \(got) \(message)")
        }
        let left = try await cloud.client.listAll(CommandTable.listVolumes, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(left.isEmpty, "nothing was created by a refused call")
    }

    @Test func configuredVolumeTypesAndClientTokens() async throws {
        let cloud = try EC2TestCloud(seed: .empty, volumeTypes: ["gp3": "Custom", "io1": "Large"])
        let large = try await cloud.call("CreateVolume", [("AvailabilityZone", Self.zone), ("VolumeType", "io1")])
        #expect(large["Size"] as? Int == 100 && large["VolumeType"] as? String == "io1")
        let wrongSize = try await Self.refused(
            cloud, "CreateVolume", [("AvailabilityZone", Self.zone), ("VolumeType", "io1"), ("Size", "5")])
        #expect(wrongSize.0 == "InvalidParameterValue" && wrongSize.1.contains("100 GiB"))
        let unmapped = try await Self.refused(cloud, "CreateVolume", [("AvailabilityZone", Self.zone), ("Size", "5")])
        #expect(unmapped.0 == "UnsupportedOperation" && unmapped.1.contains("gp2"), "gp2 is not configured here")
        let gp3 = try await Self.create(cloud, [("VolumeType", "gp3"), ("Size", "2")])
        #expect(try await Self.volume(cloud, gp3)["VolumeType"] as? String == "gp3")

        let token = [("AvailabilityZone", Self.zone), ("VolumeType", "gp3"), ("Size", "2"), ("ClientToken", "once")]
        let first = try await Self.ok(cloud, "CreateVolume", token)
        let again = try await Self.ok(cloud, "CreateVolume", token)
        #expect(first["VolumeId"] as? String == again["VolumeId"] as? String)
        let all = try await cloud.client.listAll(CommandTable.listVolumes, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(all.count == 3)
    }

    @Test func modifyResizesAndChangesTypeAndShowsModifications() async throws {
        let cloud = try EC2TestCloud(
            seed: .empty, jobNanos: 2_000_000_000, volumeTypes: ["gp2": "Custom", "gp3": "Custom", "io1": "Large"])
        let volume = try await Self.create(cloud, [("Size", "2")])
        cloud.clock.advance(seconds: 3)
        #expect(
            try await Self.refused(cloud, "DescribeVolumesModifications", [("VolumeId.1", volume)]).0
                == "InvalidVolumeModification.NotFound")
        let modified = try await Self.ok(cloud, "ModifyVolume", [("VolumeId", volume), ("Size", "4")])
        let modification = try #require(modified["VolumeModification"] as? [String: Any])
        #expect(modification["ModificationState"] as? String == "modifying")
        #expect(modification["OriginalSize"] as? Int == 2 && modification["TargetSize"] as? Int == 4)
        #expect(try await Self.refused(cloud, "ModifyVolume", [("VolumeId", volume), ("Size", "8")]).0 == "IncorrectModificationState")
        let during = try await Self.ok(cloud, "DescribeVolumesModifications", [("VolumeId.1", volume)])
        #expect((during["VolumesModifications"] as? [[String: Any]])?.first?["ModificationState"] as? String == "modifying")
        cloud.clock.advance(seconds: 3)
        let after = try await Self.ok(cloud, "DescribeVolumesModifications", [("VolumeId.1", volume)])
        let done = try #require((after["VolumesModifications"] as? [[String: Any]])?.first)
        #expect(done["ModificationState"] as? String == "completed" && done["Progress"] as? Int == 100)
        #expect(try await Self.volume(cloud, volume)["Size"] as? Int == 4)

        let smaller = try await Self.refused(cloud, "ModifyVolume", [("VolumeId", volume), ("Size", "1")])
        #expect(smaller == ("InvalidParameterValue", "New size cannot be smaller than existing size"))
        #expect(try await Self.refused(cloud, "ModifyVolume", [("VolumeId", volume), ("Size", "4")]).0 == "InvalidParameterValue")
        #expect(
            try await Self.refused(cloud, "ModifyVolume", [("VolumeId", volume), ("MultiAttachEnabled", "true")]).0
                == "UnsupportedOperation")

        // gp3 shares gp2's disk offering: no CloudStack job, the new type is kept on the volume.
        let retyped = try await Self.ok(cloud, "ModifyVolume", [("VolumeId", volume), ("VolumeType", "gp3")])
        #expect((retyped["VolumeModification"] as? [String: Any])?["ModificationState"] as? String == "completed")
        cloud.clock.advance(seconds: 3)
        #expect(try await Self.volume(cloud, volume)["VolumeType"] as? String == "gp3")

        // io1 is another (fixed, 100 GB) offering: changeOfferingForVolume.
        _ = try await Self.ok(cloud, "ModifyVolume", [("VolumeId", volume), ("VolumeType", "io1")])
        cloud.clock.advance(seconds: 3)
        let moved = try await Self.volume(cloud, volume)
        #expect(moved["VolumeType"] as? String == "io1" && moved["Size"] as? Int == 100)
        let history = try await Self.ok(
            cloud, "DescribeVolumesModifications", [("Filter.1.Name", "target-volume-type"), ("Filter.1.Value.1", "io1")])
        let last = try #require((history["VolumesModifications"] as? [[String: Any]])?.first)
        #expect(last["OriginalVolumeType"] as? String == "gp3" && last["ModificationState"] as? String == "completed")
        let fixed = try await Self.refused(cloud, "ModifyVolume", [("VolumeId", volume), ("Size", "200")])
        #expect(fixed.0 == "InvalidParameterValue" && fixed.1.contains("fixed-size"))
    }

    @Test func statusAttributesAndPages() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        var ids: [String] = []
        for _ in 0..<7 { ids.append(try await Self.create(cloud, [("Size", "1")])) }
        let status = try await Self.ok(cloud, "DescribeVolumeStatus", [("VolumeId.1", ids[0])])
        let item = try #require((status["VolumeStatuses"] as? [[String: Any]])?.first)
        let info = try #require(item["VolumeStatus"] as? [String: Any])
        #expect(info["Status"] as? String == "ok")
        #expect((info["Details"] as? [[String: Any]])?.first?["Status"] as? String == "passed")
        let okOnes = try await Self.ok(
            cloud, "DescribeVolumeStatus", [("Filter.1.Name", "volume-status.status"), ("Filter.1.Value.1", "ok")])
        #expect((okOnes["VolumeStatuses"] as? [[String: Any]])?.count == 7)
        let events = try await Self.ok(cloud, "DescribeVolumeStatus", [("Filter.1.Name", "event.event-type"), ("Filter.1.Value.1", "*")])
        #expect((events["VolumeStatuses"] as? [[String: Any]])?.isEmpty == true)

        let io = try await Self.ok(cloud, "DescribeVolumeAttribute", [("VolumeId", ids[0]), ("Attribute", "autoEnableIO")])
        #expect((io["AutoEnableIO"] as? [String: Any])?["Value"] as? Bool == false && io["VolumeId"] as? String == ids[0])
        let codes = try await Self.ok(cloud, "DescribeVolumeAttribute", [("VolumeId", ids[0]), ("Attribute", "productCodes")])
        #expect((codes["ProductCodes"] as? [Any])?.isEmpty ?? true)
        #expect(
            try await Self.refused(cloud, "DescribeVolumeAttribute", [("VolumeId", ids[0]), ("Attribute", "size")]).0
                == "InvalidParameterValue")

        let first = try await Self.ok(cloud, "DescribeVolumes", [("MaxResults", "5")])
        let token = try #require(first["NextToken"] as? String)
        let second = try await Self.ok(cloud, "DescribeVolumes", [("MaxResults", "5"), ("NextToken", token)])
        let paged = (Self.volumes(first) + Self.volumes(second)).compactMap { $0["VolumeId"] as? String }
        #expect(Self.volumes(first).count == 5 && second["NextToken"] == nil)
        #expect(Set(paged) == Set(ids) && paged.count == 7)
        #expect(try await Self.refused(cloud, "DescribeVolumes", [("MaxResults", "3")]).0 == "InvalidParameterValue")
        #expect(
            try await Self.refused(cloud, "DescribeVolumes", [("MaxResults", "5"), ("VolumeId.1", ids[0])]).0
                == "InvalidParameterCombination")
        #expect(try await Self.refused(cloud, "DescribeVolumes", [("MaxResults", "5"), ("NextToken", "forged")]).0 == "InvalidNextToken")
    }

    @Test func launchVolumesAreCreatedTaggedAndDeletedOnTermination() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let instance = try await Self.launch(
            cloud,
            [
                ("BlockDeviceMapping.1.DeviceName", "/dev/sda1"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "12"),
                ("BlockDeviceMapping.2.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.2.Ebs.VolumeSize", "1"),
                ("BlockDeviceMapping.3.DeviceName", "/dev/sdi"), ("BlockDeviceMapping.3.Ebs.VolumeSize", "2"),
                ("BlockDeviceMapping.3.Ebs.DeleteOnTermination", "false"),
                ("TagSpecification.1.ResourceType", "instance"), ("TagSpecification.1.Tag.1.Key", "Name"),
                ("TagSpecification.1.Tag.1.Value", "web"), ("TagSpecification.2.ResourceType", "volume"),
                ("TagSpecification.2.Tag.1.Key", "Env"), ("TagSpecification.2.Tag.1.Value", "test"),
            ])
        let mine = Self.volumes(
            try await Self.ok(cloud, "DescribeVolumes", [("Filter.1.Name", "attachment.instance-id"), ("Filter.1.Value.1", instance)]))
        #expect(mine.count == 3)
        #expect(mine.allSatisfy { ($0["Tags"] as? [[String: Any]])?.first?["Value"] as? String == "test" }, "\(mine)")
        let byDevice = Dictionary(uniqueKeysWithValues: mine.map { (Self.attachments($0).first?["Device"] as? String ?? "", $0) })
        #expect(byDevice["/dev/sda1"]?["Size"] as? Int == 12)
        #expect(byDevice["/dev/sdh"]?["Size"] as? Int == 1)
        #expect(Self.attachments(byDevice["/dev/sdh"] ?? [:]).first?["DeleteOnTermination"] as? Bool == true)
        #expect(Self.attachments(byDevice["/dev/sdi"] ?? [:]).first?["DeleteOnTermination"] as? Bool == false)
        #expect(Self.attachments(byDevice["/dev/sda1"] ?? [:]).first?["DeleteOnTermination"] as? Bool == true)
        // Terraform reads the root volume listed in blockDeviceMapping with DescribeVolumes.
        let devices = try await Self.devices(cloud, instance)
        #expect(Set(devices.keys) == ["/dev/sda1", "/dev/sdh", "/dev/sdi"])
        let root = try await Self.volume(cloud, try #require(devices["/dev/sda1"]))
        #expect(root["State"] as? String == "in-use" && root["VolumeType"] as? String == "standard")

        _ = try await Self.ok(cloud, "TerminateInstances", [("InstanceId.1", instance)])
        let doomed = try #require(devices["/dev/sdh"]), kept = try #require(devices["/dev/sdi"])
        #expect(try await Self.volume(cloud, doomed)["State"] as? String == "deleted")
        // CloudStack keeps other data disks attached to the destroyed VM until it is expunged.
        let stays = try await Self.volume(cloud, kept)
        #expect(stays["State"] as? String == "in-use" && Self.attachments(stays).first?["InstanceId"] as? String == instance)
        let listed = Self.volumes(try await Self.ok(cloud, "DescribeVolumes")).compactMap { $0["VolumeId"] as? String }
        #expect(listed == [kept], "deleted volumes (root and data) are not listed")
    }

    @Test func launchRefusesBlockDeviceMembersItCannotHonour() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let base = [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")]
        let cases: [([(String, String)], String, String)] = [
            (
                [
                    ("BlockDeviceMapping.1.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "1"),
                    ("BlockDeviceMapping.1.Ebs.Iops", "500"),
                ],
                "UnsupportedOperation", "BlockDeviceMapping.1.Ebs.Iops"
            ),
            (
                [
                    ("BlockDeviceMapping.1.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "1"),
                    ("BlockDeviceMapping.1.Ebs.Encrypted", "true"),
                ],
                "UnsupportedOperation", "BlockDeviceMapping.1.Ebs.Encrypted"
            ),
            ([("BlockDeviceMapping.1.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.1.NoDevice", "")], "UnsupportedOperation", "NoDevice"),
            (
                [("BlockDeviceMapping.1.DeviceName", "/dev/sdb"), ("BlockDeviceMapping.1.VirtualName", "ephemeral0")],
                "UnsupportedOperation", "VirtualName"
            ),
            (
                [("BlockDeviceMapping.1.DeviceName", "/dev/sda1"), ("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "false")],
                "UnsupportedOperation", "DeleteOnTermination"
            ),
            (
                [
                    ("BlockDeviceMapping.1.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "1"),
                    ("BlockDeviceMapping.2.DeviceName", "/dev/xvdh"), ("BlockDeviceMapping.2.Ebs.VolumeSize", "1"),
                ],
                "InvalidBlockDeviceMapping", "more than one"
            ),
            ([("BlockDeviceMapping.1.DeviceName", "/dev/sdh")], "MissingParameter", "BlockDeviceMapping.1.Ebs"),
            (
                [("BlockDeviceMapping.1.DeviceName", "/dev/sdh"), ("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true")],
                "MissingParameter", "VolumeSize"
            ),
            (
                [("BlockDeviceMapping.1.DeviceName", "/dev/hdq"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "1")], "InvalidParameterValue",
                "/dev/hdq"
            ),
        ]
        for (parameters, code, fragment) in cases {
            let (got, message) = try await Self.refused(cloud, "RunInstances", base + parameters)
            #expect(got == code && message.contains(fragment), "\(parameters): \(got) \(message)")
        }
        let vms = try await cloud.client.listAll(
            CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(vms.isEmpty, "nothing was launched by a refused call")
    }
}

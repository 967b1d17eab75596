import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// The instance lifecycle through the pipeline against the simulator, every answer parsed by botocore.
@Suite struct InstanceActionTests {
    static func userCredentials(_ cloud: EC2TestCloud) -> CloudStackCredentials {
        CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)
    }

    static func imageID(_ cloud: EC2TestCloud) async throws -> String {
        let templates = try await cloud.client.listAll(
            CommandTable.listTemplates, ["templatefilter": "executable"], as: userCredentials(cloud))
        let uuid = try #require(templates.first?.id)
        return try #require(EC2ID(kind: .image, cloudStackUUID: uuid)).description
    }

    static func instances(_ parsed: [String: Any]) -> [[String: Any]] {
        ((parsed["Reservations"] as? [[String: Any]]) ?? []).flatMap { ($0["Instances"] as? [[String: Any]]) ?? [] }
    }

    @Test func runDescribeStopStartRebootTerminate() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await Self.imageID(cloud)
        _ = try await cloud.client.call(CommandTable.createSSHKeyPair, ["name": "k1"], as: Self.userCredentials(cloud))
        let userData = Data("#!/bin/sh\necho hello\n".utf8).base64EncodedString()
        let runParameters: [(String, String)] = [
            ("ImageId", image), ("InstanceType", "t3.micro"), ("MinCount", "2"), ("MaxCount", "2"), ("KeyName", "k1"),
            ("UserData", userData), ("Placement.AvailabilityZone", "Sandbox-simulator-basic"),
            ("BlockDeviceMapping.1.DeviceName", "/dev/sda1"), ("BlockDeviceMapping.1.Ebs.VolumeSize", "30"),
            ("TagSpecification.1.ResourceType", "instance"), ("TagSpecification.1.Tag.1.Key", "Name"),
            ("TagSpecification.1.Tag.1.Value", "web"), ("ClientToken", "token-1"),
        ]
        let run = await cloud.send("RunInstances", runParameters)
        let checked = try BotocoreResponseChecker.check([("RunInstances", run)])[0]
        #expect(run.status == 200, "\(String(decoding: run.body, as: UTF8.self))")
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let launched = try #require(checked.parsed["Instances"] as? [[String: Any]])
        #expect(launched.count == 2)
        #expect(launched.allSatisfy { ($0["State"] as? [String: Any])?["Name"] as? String == "pending" })
        #expect(launched.map { $0["AmiLaunchIndex"] as? Int } == [0, 1])
        #expect(launched.allSatisfy { $0["InstanceType"] as? String == "t3.micro" && $0["KeyName"] as? String == "k1" })
        #expect((launched.first?["Placement"] as? [String: Any])?["AvailabilityZone"] as? String == "Sandbox-simulator-basic")
        let reservation = try #require(checked.parsed["ReservationId"] as? String)
        let ids = launched.compactMap { $0["InstanceId"] as? String }

        // The same client token launches nothing new and answers the same reservation.
        let again = try await cloud.call("RunInstances", runParameters)
        #expect(Set((again["Instances"] as? [[String: Any]] ?? []).compactMap { $0["InstanceId"] as? String }) == Set(ids))
        // What reached CloudStack: user data, zone, key pair and offering of both VMs.
        let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, ["userdata": "true"], as: Self.userCredentials(cloud))
        #expect(vms.count == 2)
        #expect(vms.allSatisfy { $0.userdata == userData }, "\(vms.map(\.userdata))")
        #expect(
            vms.allSatisfy { $0.zonename == "Sandbox-simulator-basic" && $0.keypairs == "k1" && $0.serviceofferingname == "Small Instance" }
        )
        let roots = try await cloud.client.listAll(CommandTable.listVolumes, ["type": "ROOT"], as: Self.userCredentials(cloud))
        #expect(roots.allSatisfy { $0.size == 30 << 30 }, "\(roots.map(\.size))")

        let described = try await cloud.call("DescribeInstances", [("InstanceId.1", ids[0]), ("InstanceId.2", ids[1])])
        let instances = Self.instances(described)
        #expect(instances.count == 2)
        #expect((described["Reservations"] as? [[String: Any]])?.first?["ReservationId"] as? String == reservation)
        #expect(instances.allSatisfy { ($0["State"] as? [String: Any])?["Name"] as? String == "running" })
        #expect(instances.allSatisfy { ($0["Tags"] as? [[String: Any]])?.contains { $0["Key"] as? String == "Name" } == true })
        #expect(instances.allSatisfy { ($0["BlockDeviceMappings"] as? [[String: Any]])?.count == 1 })
        let tagged = try await cloud.call("DescribeInstances", [("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "w?b")])
        #expect(Self.instances(tagged).count == 2)
        let none = try await cloud.call("DescribeInstances", [("Filter.1.Name", "instance-state-name"), ("Filter.1.Value.1", "stopped")])
        #expect(Self.instances(none).isEmpty)

        let stop = try await cloud.call("StopInstances", [("InstanceId.1", ids[0]), ("Force", "true")])
        let change = (stop["StoppingInstances"] as? [[String: Any]])?.first
        #expect((change?["CurrentState"] as? [String: Any])?["Name"] as? String == "stopping")
        #expect((change?["PreviousState"] as? [String: Any])?["Name"] as? String == "running")
        let stopped = Self.instances(try await cloud.call("DescribeInstances", [("InstanceId.1", ids[0])]))
        #expect((stopped.first?["State"] as? [String: Any])?["Name"] as? String == "stopped")
        let start = try await cloud.call("StartInstances", [("InstanceId.1", ids[0]), ("InstanceId.2", ids[1])])
        let starting = start["StartingInstances"] as? [[String: Any]] ?? []
        #expect(starting.map { ($0["CurrentState"] as? [String: Any])?["Name"] as? String } == ["pending", "running"])
        // The same id twice is one instance; starting a running one again changes nothing.
        let twice = try await cloud.call("StartInstances", [("InstanceId.1", ids[1]), ("InstanceId.2", ids[1])])
        #expect((twice["StartingInstances"] as? [[String: Any]])?.count == 1)
        let reboot = await cloud.send("RebootInstances", [("InstanceId.1", ids[1])])
        #expect(reboot.status == 200)
        let status = try await cloud.call("DescribeInstanceStatus", [("IncludeAllInstances", "true")])
        #expect((status["InstanceStatuses"] as? [[String: Any]])?.count == 2)

        let terminate = try await cloud.call("TerminateInstances", [("InstanceId.1", ids[0]), ("InstanceId.2", ids[1])])
        #expect(
            (terminate["TerminatingInstances"] as? [[String: Any]])?.allSatisfy {
                ($0["CurrentState"] as? [String: Any])?["Name"] as? String == "shutting-down"
            } == true)
        let gone = Self.instances(try await cloud.call("DescribeInstances", [("InstanceId.1", ids[0])]))
        #expect((gone.first?["State"] as? [String: Any])?["Name"] as? String == "terminated")
        let restart = await cloud.send("StartInstances", [("InstanceId.1", ids[0])])
        #expect(String(decoding: restart.body, as: UTF8.self).contains("IncorrectInstanceState"))
    }

    @Test func idsAreCheckedAndListsArePagedCompletely() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 7))
        let malformed = await cloud.send("DescribeInstances", [("InstanceId.1", "i-xyz")])
        let unknown = await cloud.send("StopInstances", [("InstanceId.1", "i-" + String(repeating: "a", count: 32))])
        let aws = await cloud.send("DescribeInstances", [("InstanceId.1", "i-0123456789abcdef0")])
        let checked = try BotocoreResponseChecker.check([
            ("DescribeInstances", malformed), ("StopInstances", unknown), ("DescribeInstances", aws),
        ])
        #expect(
            checked.map { $0.error?.code } == ["InvalidInstanceID.Malformed", "InvalidInstanceID.NotFound", "InvalidInstanceID.NotFound"])

        let first = try await cloud.call("DescribeInstances", [("MaxResults", "5")])
        let token = try #require(first["NextToken"] as? String)
        let second = try await cloud.call("DescribeInstances", [("MaxResults", "5"), ("NextToken", token)])
        #expect(second["NextToken"] == nil)
        let all = Self.instances(first) + Self.instances(second)
        #expect(all.count == 7)
        #expect(Set(all.compactMap { $0["InstanceId"] as? String }).count == 7)
        let forged = await cloud.send("DescribeInstances", [("MaxResults", "5"), ("NextToken", token + "x")])
        #expect(String(decoding: forged.body, as: UTF8.self).contains("InvalidNextToken"))
        let otherQuery = await cloud.send(
            "DescribeInstances",
            [("MaxResults", "6"), ("NextToken", token), ("Filter.1.Name", "instance-state-name"), ("Filter.1.Value.1", "running")])
        #expect(String(decoding: otherQuery.body, as: UTF8.self).contains("InvalidNextToken"))
        let tooMany = await cloud.send("DescribeInstances", [("MaxResults", "2")])
        #expect(tooMany.status == 400)
        // Filters CloudStack applies itself (zone, image, state, key) give the same answers as local filtering.
        func count(_ name: String, _ value: String) async throws -> Int {
            Self.instances(try await cloud.call("DescribeInstances", [("Filter.1.Name", name), ("Filter.1.Value.1", value)])).count
        }
        let zones = Dictionary(grouping: all, by: { ($0["Placement"] as? [String: Any])?["AvailabilityZone"] as? String ?? "" })
        for (zone, members) in zones { #expect(try await count("availability-zone", zone) == members.count) }
        #expect(try await count("availability-zone", "atlantis") == 0)
        #expect(
            try await count("image-id", all.first?["ImageId"] as? String ?? "")
                == all.filter { $0["ImageId"] as? String == all.first?["ImageId"] as? String }.count)
        #expect(try await count("instance-state-name", "pending") == 0)
        #expect(try await count("key-name", "nobody") == 0)
        #expect(try await count("vpc-id", "vpc-" + String(repeating: "9", count: 32)) == 0)
        let otherUser = try await cloud.call("DescribeInstances", as: cloud.other)
        #expect(Self.instances(otherUser).count == 7)
        #expect(
            Set(Self.instances(otherUser).compactMap { $0["InstanceId"] as? String }).isDisjoint(
                with: all.compactMap { $0["InstanceId"] as? String }))
    }

    @Test func launchesIntoASubnetWithAnAddressAndIntoSecurityGroups() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let recording = CloudStackParameterTests.Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try CloudStackParameterTests.pipeline(cloud, transport: recording)
        let image = try await Self.imageID(cloud)
        let networks = try await cloud.client.listAll(CommandTable.listNetworks, Parameters(), as: Self.userCredentials(cloud))
        let network = try #require(networks.first { $0.type == "Isolated" })
        let subnet = try #require(EC2ID(kind: .subnet, cloudStackUUID: network.id ?? "")).description
        let prefix = (network.cidr ?? "").split(separator: ".").prefix(3).joined(separator: ".")
        let address = prefix + ".77"
        let request = EC2TestCloud.signedPost(
            [
                ("Action", "RunInstances"), ("Version", "2016-11-15"), ("ImageId", image), ("MinCount", "2"), ("MaxCount", "2"),
                ("SubnetId", subnet), ("PrivateIpAddress", address),
            ],
            accessKey: cloud.user.apiKey, secret: cloud.user.secretKey, at: cloud.clock.epochSeconds)
        var context = RequestContext(requestID: "r", startNanos: 0)
        let response = await PhasedResponder(pipeline).respond(to: request, context: &context)
        let inSubnet = try BotocoreResponseChecker.check([("RunInstances", response)])[0].parsed
        let launched = try #require((inSubnet["Instances"] as? [[String: Any]])?.first)
        #expect(launched["SubnetId"] as? String == subnet)
        // The fixed address goes to the first instance only (the simulator picks addresses itself).
        let deploys = recording.texts.withLock { $0.filter { $0.contains("command=deployVirtualMachine") } }
        #expect(deploys.count == 2)
        #expect(deploys.first?.contains("ipaddress=" + address) == true)
        #expect(deploys.first?.contains("networkids=" + (network.id ?? "")) == true)
        #expect(deploys.last?.contains("ipaddress=") == false)
        #expect((launched["Placement"] as? [String: Any])?["AvailabilityZone"] as? String == network.zonename)

        let grouped = try await cloud.call(
            "RunInstances",
            [
                ("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.AvailabilityZone", "Sandbox-simulator-basic"),
                ("SecurityGroup.1", "default"),
            ])
        let groups = (grouped["Instances"] as? [[String: Any]])?.first?["SecurityGroups"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["GroupName"] as? String } == ["default"])
        #expect((groups.first?["GroupId"] as? String)?.hasPrefix("sg-") == true)
        let missingSubnet = await cloud.send(
            "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", "subnet-" + String(repeating: "e", count: 32))])
        #expect(String(decoding: missingSubnet.body, as: UTF8.self).contains("InvalidSubnetID.NotFound"))
    }

    @Test func failedLaunchesMapCloudStackCodes() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await Self.imageID(cloud)
        let badType = await cloud.send(
            "RunInstances", [("ImageId", image), ("InstanceType", "x9.huge"), ("MinCount", "1"), ("MaxCount", "1")])
        let badImage = await cloud.send(
            "RunInstances", [("ImageId", "ami-" + String(repeating: "b", count: 32)), ("MinCount", "1"), ("MaxCount", "1")])
        let badKey = await cloud.send("RunInstances", [("ImageId", image), ("KeyName", "nope"), ("MinCount", "1"), ("MaxCount", "1")])
        let badZone = await cloud.send(
            "RunInstances", [("ImageId", image), ("Placement.AvailabilityZone", "mars"), ("MinCount", "1"), ("MaxCount", "1")])
        let missing = await cloud.send("RunInstances", [("ImageId", image), ("MinCount", "1")])
        let dryRun = await cloud.send("RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("DryRun", "true")])
        let checked = try BotocoreResponseChecker.check([
            ("RunInstances", badType), ("RunInstances", badImage), ("RunInstances", badKey), ("RunInstances", badZone),
            ("RunInstances", missing), ("RunInstances", dryRun),
        ])
        #expect(
            checked.map { $0.error?.code } == [
                "InvalidParameterValue", "InvalidAMIID.NotFound", "InvalidKeyPair.NotFound", "InvalidParameterValue", "MissingParameter",
                "DryRunOperation",
            ])
        let vms = try await cloud.client.listAll(CommandTable.listVirtualMachines, Parameters(), as: Self.userCredentials(cloud))
        #expect(vms.isEmpty)
    }
}

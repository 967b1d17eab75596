import CloudStack
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Every request member is read or refused, required members come before `DryRun`, and what CloudStack
/// cannot do is refused naming the member (issue #12's defects), through the whole pipeline.
@Suite struct StrictInputTests {
    static func error(_ response: Response) throws -> (code: String, message: String) {
        let checked = try BotocoreResponseChecker.check([("DescribeInstances", response)])[0]
        let error = try #require(checked.error, "expected an error, got \(String(decoding: response.body, as: UTF8.self))")
        return (error.code, error.message)
    }

    static func vms(_ cloud: EC2TestCloud) async throws -> [VirtualMachine] {
        try await cloud.client.listAll(CommandTable.listVirtualMachines, Parameters(), as: InstanceActionTests.userCredentials(cloud))
    }

    @Test func aMemberNoActionReadsIsUnknownParameterAndNothingIsDone() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let describe = await cloud.send("DescribeInstances", [("Bogus", "1")])
        #expect(describe.status == 400)
        #expect(try Self.error(describe) == ("UnknownParameter", "The parameter Bogus is not recognized"))
        // A real EC2 member the bridge cannot map is refused the same way, before anything is launched.
        let run = await cloud.send(
            "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Ipv6AddressCount", "1")])
        #expect(try Self.error(run) == ("UnknownParameter", "The parameter Ipv6AddressCount is not recognized"))
        let nested = await cloud.send(
            "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("Placement.Tenancy", "dedicated")])
        #expect(try Self.error(nested) == ("UnknownParameter", "The parameter Placement.Tenancy is not recognized"))
        #expect(try await Self.vms(cloud).isEmpty)
        // Start/Terminate take no Force (only StopInstances does).
        let start = await cloud.send("StartInstances", [("InstanceId.1", "i-" + String(repeating: "0", count: 32)), ("Force", "true")])
        #expect(try Self.error(start).code == "UnknownParameter")
    }

    @Test(arguments: ["StartInstances", "StopInstances", "TerminateInstances", "RebootInstances"])
    func requiredInstanceIdsComeBeforeDryRun(action: String) async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let missing = await cloud.send(action, [("DryRun", "true")])
        #expect(try Self.error(missing) == ("MissingParameter", "The request must contain the parameter InstanceId"))
        let dry = await cloud.send(action, [("DryRun", "true"), ("InstanceId.1", "i-" + String(repeating: "1", count: 32))])
        #expect(dry.status == 412)
        #expect(try Self.error(dry).code == "DryRunOperation")
    }

    @Test func anEmptyRequiredValueIsMissingParameter() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let material = Data("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl".utf8).base64EncodedString()
        let cases: [(String, [(String, String)], String)] = [
            ("CreateKeyPair", [("KeyName", "")], "KeyName"),
            ("ImportKeyPair", [("KeyName", ""), ("PublicKeyMaterial", material)], "KeyName"),
            ("ImportKeyPair", [("KeyName", "k"), ("PublicKeyMaterial", "")], "PublicKeyMaterial"),
            ("DeleteKeyPair", [], "KeyName"),
            ("DescribeInstanceAttribute", [("InstanceId", ""), ("Attribute", "userData")], "InstanceId"),
        ]
        for (action, parameters, member) in cases {
            // With DryRun too: the missing member is answered, not DryRunOperation.
            for dryRun in [false, true] {
                let answer = await cloud.send(action, parameters + (dryRun ? [("DryRun", "true")] : []))
                #expect(
                    try Self.error(answer) == ("MissingParameter", "The request must contain the parameter \(member)"),
                    "\(action) \(parameters) DryRun=\(dryRun)")
            }
        }
        let pairs = try await cloud.client.listAll(
            CommandTable.listSSHKeyPairs, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        #expect(pairs.isEmpty)
    }

    @Test func dryRunIsABoolean() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let answer = await cloud.send("DescribeInstances", [("DryRun", "yes")])
        #expect(try Self.error(answer).code == "InvalidParameterValue")
        #expect(try Self.error(answer).message.contains("DryRun"))
    }

    /// Issue #12: `DisableApiTermination=true` was answered 200 and dropped (a later TerminateInstances succeeded).
    @Test func launchFlagsCloudStackCannotHonourAreRefusedNamingThem() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let base = [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")]
        for (member, value) in [
            ("DisableApiTermination", "true"), ("DisableApiStop", "true"), ("EbsOptimized", "true"), ("Monitoring.Enabled", "true"),
            ("InstanceInitiatedShutdownBehavior", "terminate"),
            ("NetworkInterface.1.DeleteOnTermination", "false"), ("NetworkInterface.1.DeviceIndex", "1"),
        ] {
            for dryRun in [false, true] {
                let answer = await cloud.send("RunInstances", base + [(member, value)] + (dryRun ? [("DryRun", "true")] : []))
                let error = try Self.error(answer)
                #expect(error.code == "UnsupportedOperation", "\(member)")
                #expect(error.message.contains(member), "\(member): \(error.message)")
            }
        }
        #expect(try await Self.vms(cloud).isEmpty)
        // EC2's defaults are what CloudStack does: accepted.
        let defaults = await cloud.send(
            "RunInstances",
            base + [
                ("DisableApiTermination", "false"), ("EbsOptimized", "false"), ("Monitoring.Enabled", "false"),
                ("InstanceInitiatedShutdownBehavior", "stop"),
            ])
        #expect(defaults.status == 200, "\(String(decoding: defaults.body, as: UTF8.self))")
        #expect(try await Self.vms(cloud).count == 1)
    }

    /// Ansible's `ec2_instance` always launches through `NetworkInterface.1` (DeviceIndex, SubnetId, DeleteOnTermination).
    @Test func theOneNetworkInterfaceLaunchesInItsSubnet() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let image = try await InstanceActionTests.imageID(cloud)
        let networks = try await cloud.client.listAll(
            CommandTable.listNetworks, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        let network = try #require(networks.first?.id)
        let subnet = try #require(EC2ID(kind: .subnet, cloudStackUUID: network)).description
        let interface = [
            ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.SubnetId", subnet),
            ("NetworkInterface.1.DeleteOnTermination", "true"),
        ]
        let run = try await cloud.call("RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1")] + interface)
        let instance = try #require((run["Instances"] as? [[String: Any]])?.first)
        #expect(instance["SubnetId"] as? String == subnet)
        #expect(try await Self.vms(cloud).first?.nic.first?.networkid == network)
        let both = await cloud.send(
            "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", subnet)] + interface)
        #expect(
            try Self.error(both)
                == (
                    "InvalidParameterCombination",
                    "Network interfaces and an instance-level subnet ID may not be specified on the same request"
                ))
        let two = await cloud.send(
            "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("NetworkInterface.2.DeviceIndex", "1")] + interface)
        // A second interface is a second NIC now (InstanceNetworkingTests); it needs its own subnet.
        #expect(try Self.error(two) == ("MissingParameter", "The request must contain the parameter NetworkInterface.2.SubnetId"))
        let other = await cloud.send(
            "RunInstances",
            [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("NetworkInterface.1.NetworkInterfaceId", "eni-1")] + interface)
        #expect(try Self.error(other) == ("UnknownParameter", "The parameter NetworkInterface.1.NetworkInterfaceId is not recognized"))
        #expect(try await Self.vms(cloud).count == 1)
    }

    /// Issue #12: a retry with the same `ClientToken` answered only the first instance of a two-instance
    /// reservation while CloudStack's createTags job (which gives the VMs their reservation tag) still ran.
    @Test func aRetriedClientTokenAnswersTheWholeReservation() async throws {
        let cloud = try EC2TestCloud(seed: .empty, jobNanos: 3_600_000_000_000)
        let image = try await InstanceActionTests.imageID(cloud)
        let parameters = [("ImageId", image), ("MinCount", "2"), ("MaxCount", "2"), ("ClientToken", "twice")]
        let first = try await cloud.call("RunInstances", parameters)
        let again = try await cloud.call("RunInstances", parameters)
        let ids = { (parsed: [String: Any]) in (parsed["Instances"] as? [[String: Any]] ?? []).compactMap { $0["InstanceId"] as? String } }
        let indices = { (parsed: [String: Any]) in
            (parsed["Instances"] as? [[String: Any]] ?? []).compactMap { $0["AmiLaunchIndex"] as? Int }
        }
        #expect(ids(first).count == 2)
        #expect(ids(again) == ids(first))
        #expect(indices(again) == [0, 1])
        #expect(again["ReservationId"] as? String == first["ReservationId"] as? String)
        #expect(try await Self.vms(cloud).count == 2)
    }
}

import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Synchronization
import Testing

@testable import EC2

/// What the actions send to CloudStack: large user data as a POST body, lists paged past 500 rows.
@Suite struct CloudStackParameterTests {
    /// Records method and command of every CloudStack request.
    final class Recording: Transport, Sendable {
        let inner: SimulatorTransport
        let seen = Mutex<[(method: HTTPMethod, command: String, bodyBytes: Int)]>([])
        let texts = Mutex<[String]>([])
        init(_ inner: SimulatorTransport) { self.inner = inner }
        func send(_ request: OutboundRequest) async throws -> InboundResponse {
            let text = request.target + "&" + String(decoding: request.body, as: UTF8.self)
            let command = text.range(of: "command=").map { String(text[$0.upperBound...].prefix { $0 != "&" }) } ?? ""
            seen.withLock { $0.append((request.method, command, request.body.count)) }
            texts.withLock { $0.append(text) }
            return try await inner.send(request)
        }
    }

    static func pipeline(_ cloud: EC2TestCloud, transport: any Transport) throws -> EC2Pipeline {
        try EC2Pipeline(
            configuration: cloud.pipeline.configuration,
            client: CloudStackClient(transport: transport, environment: cloud.client.environment),
            credentials: StaticCredentialSource([CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)]),
            clock: cloud.clock.clock)
    }

    @Test func largeUserDataIsPostedToCloudStack() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let recording = Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try Self.pipeline(cloud, transport: recording)
        let script = "#!/bin/sh\n" + String(repeating: "echo 0123456789abcdef0123456789abcdef\n", count: 200)
        let userData = Data(script.utf8).base64EncodedString()
        let image = try await InstanceActionTests.imageID(cloud)
        let request = EC2TestCloud.signedPost(
            [
                ("Action", "RunInstances"), ("Version", "2016-11-15"), ("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"),
                ("UserData", userData),
            ],
            accessKey: cloud.user.apiKey, secret: cloud.user.secretKey, at: cloud.clock.epochSeconds)
        var context = RequestContext(requestID: "r", startNanos: 0)
        let response = await PhasedResponder(pipeline).respond(to: request, context: &context)
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        let deploys = recording.seen.withLock { $0.filter { $0.command == "deployVirtualMachine" } }
        #expect(deploys.count == 1)
        #expect(deploys.first?.method == .post && (deploys.first?.bodyBytes ?? 0) > userData.utf8.count)
        let vms = try await cloud.client.listAll(
            CommandTable.listVirtualMachines, ["userdata": "true"], as: InstanceActionTests.userCredentials(cloud))
        #expect(vms.first?.userdata == userData)
    }

    /// The commands seen, without DescribeInstances' data volume lists (`type=DATADISK`, whose order
    /// against the VM list varies: both are sent at once).
    static func withoutDataVolumes(_ recording: Recording) -> [String] {
        recording.texts.withLock { $0 }.filter { !$0.contains("type=DATADISK") }.map { text in
            text.range(of: "command=").map { String(text[$0.upperBound...].prefix { $0 != "&" }) } ?? ""
        }
    }

    /// How many data volume lists were sent.
    static func dataVolumeLists(_ recording: Recording) -> Int {
        recording.texts.withLock { $0 }.filter { $0.contains("type=DATADISK") }.count
    }

    @Test func rootVolumesAreListedOnlyForVMsNotSeenRecently() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 3))
        let recording = Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try Self.pipeline(cloud, transport: recording)
        var bodies: [Response] = []
        for _ in 0..<2 {
            let request = EC2TestCloud.signedPost(
                [("Action", "DescribeInstances"), ("Version", "2016-11-15")], accessKey: cloud.user.apiKey, secret: cloud.user.secretKey,
                at: cloud.clock.epochSeconds)
            var context = RequestContext(requestID: "r", startNanos: 0)
            bodies.append(await PhasedResponder(pipeline).respond(to: request, context: &context))
        }
        // Root volumes once (then remembered for ten minutes), data volumes once (remembered for 10 s).
        #expect(Self.withoutDataVolumes(recording) == ["listVirtualMachines", "listVolumes", "listVirtualMachines"])
        #expect(Self.dataVolumeLists(recording) == 1)
        let checked = try BotocoreResponseChecker.check(bodies.map { ("DescribeInstances", $0) })
        let devices = checked.map {
            InstanceActionTests.instances($0.parsed).map { ($0["BlockDeviceMappings"] as? [[String: Any]])?.count ?? 0 }
        }
        #expect(devices == [[1, 1, 1], [1, 1, 1]])
        // The remembered root devices read back exactly as the listed ones were shown.
        let shown = checked.map { response in
            InstanceActionTests.instances(response.parsed).map { instance in
                ((instance["BlockDeviceMappings"] as? [[String: Any]]) ?? []).map { mapping in
                    let ebs = (mapping["Ebs"] as? [String: Any]) ?? [:]
                    return "\(mapping["DeviceName"] ?? "") " + ebs.keys.sorted().map { "\($0)=\(ebs[$0] ?? "")" }.joined(separator: " ")
                }
            }
        }
        #expect(shown[0] == shown[1])
        #expect(shown[0].allSatisfy { $0.count == 1 && $0[0].contains("VolumeId=vol-") && $0[0].contains("AttachTime=") })
        cloud.clock.advance(seconds: 11)
        var context = RequestContext(requestID: "r", startNanos: 0)
        _ = await PhasedResponder(pipeline).respond(
            to: EC2TestCloud.signedPost(
                [("Action", "DescribeInstances"), ("Version", "2016-11-15")], accessKey: cloud.user.apiKey, secret: cloud.user.secretKey,
                at: cloud.clock.epochSeconds), context: &context)
        #expect(Self.dataVolumeLists(recording) == 2)
    }

    @Test func dataVolumesAreReadFreshWhileVolumeChangesMadeHereSettle() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 1), jobNanos: 1_000_000_000)
        let recording = Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try Self.pipeline(cloud, transport: recording)
        func send(_ fields: [(String, String)]) async throws -> [String: Any] {
            let request = EC2TestCloud.signedPost(
                [("Version", "2016-11-15")] + fields, accessKey: cloud.user.apiKey, secret: cloud.user.secretKey,
                at: cloud.clock.epochSeconds)
            var context = RequestContext(requestID: "r", startNanos: 0)
            let response = await PhasedResponder(pipeline).respond(to: request, context: &context)
            let checked = try BotocoreResponseChecker.check([(fields[0].1, response)])[0]
            if let error = checked.error { throw error }
            return checked.parsed
        }
        let first = InstanceActionTests.instances(try await send([("Action", "DescribeInstances")]))
        let instance = try #require(first.first?["InstanceId"] as? String)
        let zone = try #require((first.first?["Placement"] as? [String: Any])?["AvailabilityZone"] as? String)
        #expect(Self.dataVolumeLists(recording) == 1)
        let volume = try #require(
            try await send([("Action", "CreateVolume"), ("AvailabilityZone", zone), ("Size", "2")])["VolumeId"] as? String)
        cloud.clock.advance(seconds: 2)
        _ = try await send([("Action", "AttachVolume"), ("VolumeId", volume), ("InstanceId", instance), ("Device", "/dev/sdf")])
        cloud.clock.advance(seconds: 2)
        // The attach was made here: the next reads ask CloudStack, within the 10 s a quiet caller's are remembered.
        let after = InstanceActionTests.instances(try await send([("Action", "DescribeInstances")]))
        let devices = (after.first?["BlockDeviceMappings"] as? [[String: Any]] ?? []).compactMap { $0["DeviceName"] as? String }
        #expect(devices == ["/dev/sda1", "/dev/sdf"])
        _ = try await send([("Action", "DescribeInstances")])
        #expect(Self.dataVolumeLists(recording) == 3)
    }

    @Test func zonesForAZoneFilterAreListedOncePerTTL() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 2))
        let recording = Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try Self.pipeline(cloud, transport: recording)
        let zones = try await cloud.client.listAll(CommandTable.listZones, as: InstanceActionTests.userCredentials(cloud))
        let zone = try #require(zones.first?.name)
        func describe() async -> Response {
            let request = EC2TestCloud.signedPost(
                [
                    ("Action", "DescribeInstances"), ("Version", "2016-11-15"), ("Filter.1.Name", "availability-zone"),
                    ("Filter.1.Value.1", zone),
                ],
                accessKey: cloud.user.apiKey, secret: cloud.user.secretKey, at: cloud.clock.epochSeconds)
            var context = RequestContext(requestID: "r", startNanos: 0)
            return await PhasedResponder(pipeline).respond(to: request, context: &context)
        }
        let first = await describe()
        let second = await describe()
        #expect(Self.withoutDataVolumes(recording) == ["listZones", "listVirtualMachines", "listVolumes", "listVirtualMachines"])
        cloud.clock.advance(seconds: 31)
        let third = await describe()
        #expect(Self.withoutDataVolumes(recording).suffix(2) == ["listZones", "listVirtualMachines"])
        // Data volumes: listed by the first, remembered by the second, listed again after 10 s by the third.
        #expect(Self.dataVolumeLists(recording) == 2)
        let checked = try BotocoreResponseChecker.check([first, second, third].map { ("DescribeInstances", $0) })
        let placements = checked.map {
            InstanceActionTests.instances($0.parsed).map { ($0["Placement"] as? [String: Any])?["AvailabilityZone"] as? String }
        }
        #expect(placements[0].count >= 1 && placements[0].allSatisfy { $0 == zone })
        #expect(placements[1] == placements[0] && placements[2] == placements[0])
    }

    @Test func listsArePagedPastCloudStacksPageSize() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 520))
        let recording = Recording(SimulatorTransport(simulator: cloud.simulator))
        let pipeline = try Self.pipeline(cloud, transport: recording)
        let request = EC2TestCloud.signedPost(
            [("Action", "DescribeInstanceStatus"), ("Version", "2016-11-15")], accessKey: cloud.user.apiKey, secret: cloud.user.secretKey,
            at: cloud.clock.epochSeconds)
        var context = RequestContext(requestID: "r", startNanos: 0)
        let response = await PhasedResponder(pipeline).respond(to: request, context: &context)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.components(separatedBy: "<instanceId>").count - 1 == 520)
        #expect(recording.seen.withLock { $0.filter { $0.command == "listVirtualMachines" }.count } == 2)
    }
}

import CloudStack
import CloudStackSimulator
import Foundation
import GCE
import Pipeline
import Testing

@testable import EC2

/// EC2 and GCE requests of one caller share the catalog's zone lookup, as the executable wires them (`APIs`).
@Suite struct SharedCatalogTests {
    @Test func ec2AndGCERequestsOfOneCallerShareOneZoneLookup() async throws {
        let cloud = try EC2TestCloud(seed: .demo)
        let recording = CloudStackParameterTests.Recording(SimulatorTransport(simulator: cloud.simulator))
        let client = CloudStackClient(transport: recording, environment: cloud.client.environment)
        let catalog = Catalog(client: client, clock: cloud.clock.clock)
        let ec2 = try EC2Pipeline(
            configuration: cloud.pipeline.configuration, client: client,
            credentials: StaticCredentialSource([CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)]),
            catalog: catalog, clock: cloud.clock.clock)
        let gce = try GCEPipeline(
            configuration: GCEConfiguration(publicBaseURL: "https://127.0.0.1:8443", tokenKey: Array(repeating: 7, count: 32)),
            client: client, catalog: catalog, clock: cloud.clock.clock)
        let token = try await gce.tokenIssuer.issueToken(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)
        let caller = CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)
        let zone = try #require(try await client.listAll(CommandTable.listZones, as: caller).first?.name)
        recording.seen.withLock { $0.removeAll() }
        let zoneLookups = { recording.seen.withLock { $0.filter { $0.command == "listZones" }.count } }
        let project = try #require(cloud.simulator.credentials.first { $0.apiKey == cloud.user.apiKey }?.account)
        func gceGet(_ path: String) async throws -> [String: Any] {
            var context = RequestContext(requestID: "g", startNanos: 0)
            let response = await PhasedResponder(gce).respond(
                to: Request(
                    method: .get, uri: "/compute/v1/projects/\(project)/" + path, headers: Headers([("Authorization", "Bearer " + token)])),
                context: &context)
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        }
        func describeInZone() async -> Response {
            var context = RequestContext(requestID: "e", startNanos: 0)
            return await PhasedResponder(ec2).respond(
                to: EC2TestCloud.signedPost(
                    [
                        ("Action", "DescribeInstances"), ("Version", "2016-11-15"), ("Filter.1.Name", "availability-zone"),
                        ("Filter.1.Value.1", zone),
                    ],
                    accessKey: cloud.user.apiKey, secret: cloud.user.secretKey, at: cloud.clock.epochSeconds),
                context: &context)
        }

        // GCE resolves its zone (one listZones), then EC2 resolves the same caller's zone filter from it.
        let gceZones = try await gceGet("zones")
        let gceZone = try #require(((gceZones["items"] as? [[String: Any]])?.first?["name"]) as? String)
        _ = try await gceGet("zones/\(gceZone)/instances")
        #expect(zoneLookups() == 1)
        let described = await describeInZone()
        #expect(described.status == 200, "\(String(decoding: described.body, as: UTF8.self))")
        #expect(zoneLookups() == 1)
        #expect(recording.seen.withLock { $0.filter { $0.command == "listVirtualMachines" }.count } == 2)

        // Past the TTL the next lookup, from either API, reads CloudStack again, once.
        cloud.clock.advance(seconds: Int64(catalog.policy.ttlSeconds))
        #expect(await describeInZone().status == 200)
        _ = try await gceGet("zones/\(gceZone)/instances")
        #expect(zoneLookups() == 2)
    }
}

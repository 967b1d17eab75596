import Foundation
import Pipeline
import Testing

@testable import EC2

/// DescribeRegions and DescribeAvailabilityZones through the whole pipeline, parsed by botocore.
@Suite struct PipelineRegionTests {
    @Test func describeRegionsListsTheConfiguredRegionWithItsEndpointHost() async throws {
        let cloud = try EC2TestCloud()
        let response = await cloud.send("DescribeRegions")
        let checked = try BotocoreResponseChecker.check([("DescribeRegions", response)])[0]
        #expect(response.status == 200)
        #expect(checked.root == "DescribeRegionsResponse")
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let regions = checked.parsed["Regions"] as? [[String: Any]]
        #expect(regions?.count == 1)
        #expect(regions?.first?["RegionName"] as? String == EC2TestCloud.region)
        #expect(regions?.first?["Endpoint"] as? String == EC2TestCloud.host)
        await #expect(throws: EC2Error.self) { try await cloud.call("DescribeRegions", [("RegionName.1", "elsewhere")]) }
    }

    @Test func describeAvailabilityZonesMapsEveryZoneAndFilters() async throws {
        let cloud = try EC2TestCloud()
        let all = try await cloud.call("DescribeAvailabilityZones")
        let zones = try #require(all["AvailabilityZones"] as? [[String: Any]])
        #expect(zones.count == 2)
        #expect(zones.allSatisfy { $0["State"] as? String == "available" && $0["RegionName"] as? String == EC2TestCloud.region })
        let named = try await cloud.call(
            "DescribeAvailabilityZones", [("Filter.1.Name", "zone-name"), ("Filter.1.Value.1", "*advanced")])
        #expect((named["AvailabilityZones"] as? [[String: Any]])?.map { $0["ZoneName"] as? String } == ["Sandbox-simulator-advanced"])
        let byName = try await cloud.call("DescribeAvailabilityZones", [("ZoneName.1", "Sandbox-simulator-basic")])
        #expect((byName["AvailabilityZones"] as? [[String: Any]])?.count == 1)
        let unknown = await cloud.send("DescribeAvailabilityZones", [("Filter.1.Name", "bogus"), ("Filter.1.Value.1", "x")])
        #expect(unknown.status == 400)
        #expect(String(decoding: unknown.body, as: UTF8.self).contains("The filter &apos;bogus&apos; is invalid"))
    }

    @Test func unknownActionsAndBadSignaturesAreEC2Errors() async throws {
        let cloud = try EC2TestCloud()
        let unknown = await cloud.send("DescribeFlyingCars")
        let checked = try BotocoreResponseChecker.check([("DescribeRegions", unknown)])[0]
        #expect(unknown.status == 400)
        #expect(checked.error?.code == "InvalidAction")
        let valid = await cloud.send("DescribeVpcEndpoints", [])
        let unsupported = try BotocoreResponseChecker.check([("DescribeVpcEndpoints", valid)])[0]
        #expect(valid.status == 400 && unsupported.error?.code == "UnsupportedOperation")
        var tampered = EC2TestCloud.signedPost(
            [("Action", "DescribeRegions"), ("Version", "2016-11-15")], accessKey: cloud.user.apiKey, secret: "wrong",
            at: cloud.clock.epochSeconds)
        tampered.headers.set("X-Test", "1")
        let refused = await cloud.unsigned(tampered)
        #expect(refused.status == 403)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("<Code>SignatureDoesNotMatch</Code>"))
        let dryRun = await cloud.send("DescribeRegions", [("DryRun", "true")])
        #expect(dryRun.status == 412)
        #expect(String(decoding: dryRun.body, as: UTF8.self).contains("DryRunOperation"))
    }
}

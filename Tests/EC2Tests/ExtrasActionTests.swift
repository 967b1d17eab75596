import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// The instance and account extras tools call on every run, every answer parsed by botocore.
@Suite struct ExtrasActionTests {
    /// Sends each call and parses all answers with botocore at once (no unknown or missing members).
    static func parsed(_ cloud: EC2TestCloud, _ calls: [(String, [(String, String)])]) async throws -> [[String: Any]] {
        var responses: [(String, Response)] = []
        for (action, parameters) in calls { responses.append((action, await cloud.send(action, parameters))) }
        let checked = try BotocoreResponseChecker.check(responses)
        for ((action, response), result) in zip(responses, checked) {
            #expect(response.status == 200, "\(action): \(String(decoding: response.body, as: UTF8.self))")
            #expect(result.unknown.isEmpty && result.missing.isEmpty, "\(action): \(result.unknown) \(result.missing)")
        }
        return checked.map(\.parsed)
    }

    @Test func instanceExtras() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 2))
        let ids = InstanceActionTests.instances(try await cloud.call("DescribeInstances")).compactMap { $0["InstanceId"] as? String }
            .sorted()
        #expect(ids.count == 2)
        let results = try await Self.parsed(
            cloud,
            [
                ("GetConsoleOutput", [("InstanceId", ids[0])]),
                ("GetConsoleOutput", [("InstanceId", ids[0]), ("Latest", "true")]),
                ("DescribeInstanceCreditSpecifications", []),
                ("DescribeInstanceCreditSpecifications", [("InstanceId.1", ids[1])]),
                ("DescribeInstanceCreditSpecifications", [("Filter.1.Name", "instance-id"), ("Filter.1.Value.1", ids[0])]),
                ("DescribeIamInstanceProfileAssociations", [("Filter.1.Name", "instance-id"), ("Filter.1.Value.1", ids[0])]),
                ("ResetInstanceAttribute", [("InstanceId", ids[0]), ("Attribute", "sourceDestCheck")]),
            ])
        #expect(results[0]["InstanceId"] as? String == ids[0])
        #expect(
            results[0]["Timestamp"] as? String
                == ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(cloud.clock.epochSeconds))))
        #expect((results[0]["Output"] as? String ?? "").isEmpty)
        #expect(results[1]["InstanceId"] as? String == ids[0])
        let all = results[2]["InstanceCreditSpecifications"] as? [[String: Any]] ?? []
        #expect(all.compactMap { $0["InstanceId"] as? String } == ids)
        #expect(all.allSatisfy { $0["CpuCredits"] as? String == "standard" })
        #expect((results[3]["InstanceCreditSpecifications"] as? [[String: Any]])?.compactMap { $0["InstanceId"] as? String } == [ids[1]])
        #expect((results[4]["InstanceCreditSpecifications"] as? [[String: Any]])?.compactMap { $0["InstanceId"] as? String } == [ids[0]])
        #expect((results[5]["IamInstanceProfileAssociations"] as? [Any] ?? []).isEmpty)

        let unknown = "i-" + String(repeating: "0", count: 32)
        let errors: [(String, [(String, String)], String)] = [
            ("GetConsoleOutput", [("InstanceId", unknown)], "InvalidInstanceID.NotFound"),
            ("GetConsoleOutput", [("InstanceId", "i-nope")], "InvalidInstanceID.Malformed"),
            ("GetConsoleOutput", [], "MissingParameter"),
            ("DescribeInstanceCreditSpecifications", [("InstanceId.1", unknown)], "InvalidInstanceID.NotFound"),
            ("DescribeInstanceCreditSpecifications", [("Filter.1.Name", "cpu"), ("Filter.1.Value.1", "x")], "InvalidParameterValue"),
            ("DescribeInstanceCreditSpecifications", [("MaxResults", "1")], "InvalidParameterValue"),
            ("DescribeIamInstanceProfileAssociations", [("AssociationId.1", "iip-assoc-0123")], "InvalidAssociationID.NotFound"),
            ("DescribeIamInstanceProfileAssociations", [("Filter.1.Name", "owner"), ("Filter.1.Value.1", "x")], "InvalidParameterValue"),
            ("DescribeIamInstanceProfileAssociations", [("NextToken", "x")], "InvalidNextToken"),
            ("ResetInstanceAttribute", [("InstanceId", ids[0]), ("Attribute", "kernel")], "UnsupportedOperation"),
            ("ResetInstanceAttribute", [("InstanceId", ids[0]), ("Attribute", "ramdisk")], "UnsupportedOperation"),
            ("ResetInstanceAttribute", [("InstanceId", ids[0]), ("Attribute", "instanceType")], "InvalidParameterValue"),
            ("ResetInstanceAttribute", [("InstanceId", ids[0]), ("Attribute", "nonsense")], "InvalidParameterValue"),
            ("ResetInstanceAttribute", [("InstanceId", unknown), ("Attribute", "sourceDestCheck")], "InvalidInstanceID.NotFound"),
            ("ResetInstanceAttribute", [("InstanceId", ids[0])], "MissingParameter"),
        ]
        for (action, parameters, expected) in errors {
            let response = await cloud.send(action, parameters)
            #expect(TagActionTests.code(response) == expected, "\(action) \(parameters): \(String(decoding: response.body, as: UTF8.self))")
        }
        // Paging: one credit specification per page of... at least 5, so two fit on one page without a token.
        let page = try await cloud.call("DescribeInstanceCreditSpecifications", [("MaxResults", "5")])
        #expect(page["NextToken"] == nil)
    }

    @Test func instanceTypeOfferingsPerRegionAndZone() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 0))
        let zones = (try await cloud.call("DescribeAvailabilityZones")["AvailabilityZones"] as? [[String: Any]] ?? [])
        let zoneNames = Set(zones.compactMap { $0["ZoneName"] as? String }), zoneIDs = Set(zones.compactMap { $0["ZoneId"] as? String })
        let types = Set(
            (try await cloud.call("DescribeInstanceTypes")["InstanceTypes"] as? [[String: Any]] ?? []).compactMap {
                $0["InstanceType"] as? String
            })
        #expect(types.contains("t3.micro") && !zoneNames.isEmpty)
        let results = try await Self.parsed(
            cloud,
            [
                ("DescribeInstanceTypeOfferings", []),
                ("DescribeInstanceTypeOfferings", [("LocationType", "availability-zone")]),
                ("DescribeInstanceTypeOfferings", [("LocationType", "availability-zone-id")]),
                (
                    "DescribeInstanceTypeOfferings",
                    [
                        ("LocationType", "availability-zone"), ("Filter.1.Name", "instance-type"), ("Filter.1.Value.1", "t3.*"),
                        ("Filter.2.Name", "location"), ("Filter.2.Value.1", zoneNames.sorted()[0]),
                    ]
                ),
            ])
        func offerings(_ result: [String: Any]) -> [(type: String, locationType: String, location: String)] {
            (result["InstanceTypeOfferings"] as? [[String: Any]] ?? []).map {
                ($0["InstanceType"] as? String ?? "", $0["LocationType"] as? String ?? "", $0["Location"] as? String ?? "")
            }
        }
        let region = offerings(results[0])
        #expect(Set(region.map(\.type)) == types)
        #expect(region.allSatisfy { $0.locationType == "region" && $0.location == EC2TestCloud.region })
        let perZone = offerings(results[1])
        #expect(Set(perZone.map(\.location)) == zoneNames)
        #expect(perZone.count == types.count * zoneNames.count)
        #expect(Set(offerings(results[2]).map(\.location)) == zoneIDs)
        #expect(offerings(results[3]).map { $0.type + "@" + $0.location } == ["t3.micro@" + zoneNames.sorted()[0]])

        #expect(
            TagActionTests.code(await cloud.send("DescribeInstanceTypeOfferings", [("LocationType", "outpost")])) == "InvalidParameterValue"
        )
        #expect(
            TagActionTests.code(await cloud.send("DescribeInstanceTypeOfferings", [("Filter.1.Name", "vcpu"), ("Filter.1.Value.1", "2")]))
                == "InvalidParameterValue")
        var seen: [String] = []
        var token: String?
        repeat {
            let page = try await cloud.call(
                "DescribeInstanceTypeOfferings",
                [("LocationType", "availability-zone"), ("MaxResults", "5")] + (token.map { [("NextToken", $0)] } ?? []))
            seen += offerings(page).map { $0.type + "@" + $0.location }
            token = page["NextToken"] as? String
        } while token != nil && seen.count <= perZone.count
        #expect(seen.sorted() == perZone.map { $0.type + "@" + $0.location }.sorted())
    }

    @Test func accountExtras() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 1, vmsPerAccount: 0))
        let results = try await Self.parsed(
            cloud,
            [
                ("DescribeIdFormat", []),
                ("DescribeIdFormat", [("Resource", "instance")]),
                ("DescribeIdentityIdFormat", [("PrincipalArn", "arn:aws:iam::123456789012:root"), ("Resource", "volume")]),
                ("DescribeAggregateIdFormat", []),
                ("DescribePrincipalIdFormat", [("Resource.1", "instance"), ("Resource.2", "snapshot")]),
                ("GetEbsEncryptionByDefault", []),
                ("GetSerialConsoleAccessStatus", []),
            ])
        let all = results[0]["Statuses"] as? [[String: Any]] ?? []
        #expect(all.count == IdFormatView.resources.count)
        #expect(all.allSatisfy { $0["UseLongIds"] as? Bool == true && $0["Deadline"] == nil })
        #expect((results[1]["Statuses"] as? [[String: Any]])?.compactMap { $0["Resource"] as? String } == ["instance"])
        #expect((results[2]["Statuses"] as? [[String: Any]])?.compactMap { $0["Resource"] as? String } == ["volume"])
        #expect(results[3]["UseLongIdsAggregated"] as? Bool == true)
        let principal = (results[4]["Principals"] as? [[String: Any]])?.first
        #expect(principal?["Arn"] as? String == "arn:aws:iam::\(cloud.user.account):root")
        #expect((principal?["Statuses"] as? [[String: Any]])?.compactMap { $0["Resource"] as? String } == ["instance", "snapshot"])
        #expect(results[5]["EbsEncryptionByDefault"] as? Bool == false)
        #expect(results[6]["SerialConsoleAccessEnabled"] as? Bool == false)

        #expect(TagActionTests.code(await cloud.send("DescribeIdFormat", [("Resource", "gadget")])) == "InvalidParameterValue")
        #expect(TagActionTests.code(await cloud.send("DescribeIdentityIdFormat", [])) == "MissingParameter")
        #expect(TagActionTests.code(await cloud.send("DescribePrincipalIdFormat", [("MaxResults", "0")])) == "InvalidParameterValue")
        #expect(TagActionTests.code(await cloud.send("GetEbsEncryptionByDefault", [("DryRun", "true")])) == "DryRunOperation")
    }
}

import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Malformed and hostile parameters to every action: always an EC2 error document, never a trap or a 500.
@Suite struct HostileInputTests {
    static let hostile: [[(String, String)]] = [
        [],
        [("InstanceId.1", "i-"), ("InstanceId.2", "i-" + String(repeating: "f", count: 33))],
        [("InstanceId", "i-<script>"), ("ImageId", "ami-../../etc"), ("Attribute", "</value>")],
        [("MinCount", "-1"), ("MaxCount", "99999999999999999999999"), ("ImageId", "ami-" + String(repeating: "0", count: 32))],
        [("MinCount", "5"), ("MaxCount", "1000"), ("ImageId", "ami-" + String(repeating: "0", count: 32))],
        [("Filter.1.Name", "tag:"), ("Filter.1.Value.1", "*"), ("Filter.x.Name", "a")],
        [("Filter.1.Value.1", "no name")],
        [("MaxResults", "0"), ("NextToken", "%%%")],
        [("MaxResults", "10"), ("NextToken", String(repeating: "A", count: 5000))],
        [("KeyName", String(repeating: "k", count: 300)), ("PublicKeyMaterial", "not base64!")],
        [("KeyName", "x"), ("PublicKeyMaterial", Data([0, 0, 0, 255, 1, 2]).base64EncodedString())],
        [("UserData", "====="), ("DryRun", "maybe")],
        [("Name", ""), ("ImageLocation", "file:///etc/passwd")],
        [("LaunchPermission.Add.1.Group", "nobody"), ("ImageId", "ami-" + String(repeating: "1", count: 32))],
        [("InstanceId", "i-" + String(repeating: "2", count: 32)), ("InstanceType.Value", "t3.micro"), ("UserData.Value", "!!")],
        [("AttributeName.1", "max-instances"), ("AttributeName.2", "x")],
        [
            ("BlockDeviceMapping.1.Ebs.VolumeSize", "-5"), ("ImageId", "ami-" + String(repeating: "3", count: 32)), ("MinCount", "1"),
            ("MaxCount", "1"),
        ],
    ]

    @Test func everyActionRefusesHostileInputWithAnEC2Error() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1))
        var refused = 0
        for action in ActionTable.names where !ActionTableTests.ec2stackActions.contains(action) {
            for parameters in Self.hostile {
                let response = await cloud.send(action, parameters)
                let body = String(decoding: response.body, as: UTF8.self)
                #expect(response.status < 500, "\(action) \(parameters): \(body)")
                #expect(body.hasPrefix("<?xml"), "\(action) \(parameters)")
                if response.status >= 400 {
                    refused += 1
                    #expect(body.contains("<Response><Errors><Error><Code>") && body.contains("<RequestID>"), "\(action): \(body)")
                    #expect(!body.contains("<script>"), "\(action) echoed markup: \(body)")
                }
            }
        }
        #expect(refused > ActionTable.names.count * 5)
    }
}

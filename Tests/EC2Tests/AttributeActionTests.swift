import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Instance attributes, passwords, account attributes and instance types.
@Suite struct AttributeActionTests {
    static func launch(_ cloud: EC2TestCloud, imageNamed: String) async throws -> String {
        let images = ImageActionTests.images(
            try await cloud.call("DescribeImages", [("Filter.1.Name", "name"), ("Filter.1.Value.1", imageNamed)]))
        let image = try #require(images.first?["ImageId"] as? String)
        let userData = Data("hello".utf8).base64EncodedString()
        let run = try await cloud.call("RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("UserData", userData)])
        return try #require((run["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String)
    }

    @Test func describeAndModifyInstanceAttributes() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let instance = try await Self.launch(cloud, imageNamed: "CentOS*")
        let names = [
            "instanceType", "userData", "disableApiTermination", "groupSet", "blockDeviceMapping", "rootDeviceName", "productCodes",
        ]
        var responses: [(String, Response)] = []
        for name in names {
            responses.append(
                (
                    "DescribeInstanceAttribute",
                    await cloud.send("DescribeInstanceAttribute", [("InstanceId", instance), ("Attribute", name)])
                ))
        }
        let checked = try BotocoreResponseChecker.check(responses)
        for (name, result) in zip(names, checked) {
            #expect(result.error == nil && result.unknown.isEmpty, "\(name): \(String(describing: result.error)) \(result.unknown)")
        }
        #expect((checked[0].parsed["InstanceType"] as? [String: Any])?["Value"] as? String == "t3.micro")
        #expect((checked[1].parsed["UserData"] as? [String: Any])?["Value"] as? String == Data("hello".utf8).base64EncodedString())
        #expect((checked[2].parsed["DisableApiTermination"] as? [String: Any])?["Value"] as? Bool == false)
        #expect((checked[4].parsed["BlockDeviceMappings"] as? [[String: Any]])?.count == 1)

        let running = await cloud.send("ModifyInstanceAttribute", [("InstanceId", instance), ("InstanceType.Value", "cs.medium-instance")])
        #expect(running.status == 200, "\(String(decoding: running.body, as: UTF8.self))")
        let scaled = try await cloud.call("DescribeInstanceAttribute", [("InstanceId", instance), ("Attribute", "instanceType")])
        #expect((scaled["InstanceType"] as? [String: Any])?["Value"] as? String == "cs.medium-instance")
        let userDataWhileRunning = await cloud.send(
            "ModifyInstanceAttribute", [("InstanceId", instance), ("Attribute", "userData"), ("Value", "aGk=")])
        #expect(String(decoding: userDataWhileRunning.body, as: UTF8.self).contains("IncorrectInstanceState"))
        _ = try await cloud.call("StopInstances", [("InstanceId.1", instance)])
        #expect(
            await cloud.send("ModifyInstanceAttribute", [("InstanceId", instance), ("Attribute", "instanceType"), ("Value", "t3.micro")])
                .status == 200)
        #expect(await cloud.send("ModifyInstanceAttribute", [("InstanceId", instance), ("UserData.Value", "aGk=")]).status == 200)
        let after = try await cloud.call("DescribeInstanceAttribute", [("InstanceId", instance), ("Attribute", "userData")])
        #expect((after["UserData"] as? [String: Any])?["Value"] as? String == "aGk=")
        let protect = await cloud.send("ModifyInstanceAttribute", [("InstanceId", instance), ("DisableApiTermination.Value", "true")])
        #expect(String(decoding: protect.body, as: UTF8.self).contains("UnsupportedOperation"))
        let badType = await cloud.send("ModifyInstanceAttribute", [("InstanceId", instance), ("InstanceType.Value", "z1.nope")])
        #expect(badType.status == 400)
    }

    @Test func passwordDataForPasswordEnabledImages() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let withPassword = try await Self.launch(cloud, imageNamed: "Ubuntu*")
        let without = try await Self.launch(cloud, imageNamed: "CentOS*")
        let first = await cloud.send("GetPasswordData", [("InstanceId", withPassword)])
        let second = await cloud.send("GetPasswordData", [("InstanceId", without)])
        let checked = try BotocoreResponseChecker.check([("GetPasswordData", first), ("GetPasswordData", second)])
        #expect(checked.allSatisfy { $0.error == nil && $0.unknown.isEmpty })
        #expect((checked[0].parsed["PasswordData"] as? String)?.isEmpty == false)
        #expect((checked[1].parsed["PasswordData"] as? String) == "")
        #expect(checked[0].parsed["InstanceId"] as? String == withPassword)
    }

    @Test func accountAttributesAndInstanceTypes() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let attributes = await cloud.send("DescribeAccountAttributes")
        let types = await cloud.send("DescribeInstanceTypes")
        let paged = await cloud.send(
            "DescribeInstanceTypes", [("MaxResults", "5"), ("Filter.1.Name", "vcpu-info.default-vcpus"), ("Filter.1.Value.1", "1")])
        let checked = try BotocoreResponseChecker.check([
            ("DescribeAccountAttributes", attributes), ("DescribeInstanceTypes", types), ("DescribeInstanceTypes", paged),
        ])
        #expect(checked.allSatisfy { $0.error == nil && $0.unknown.isEmpty && $0.missing.isEmpty }, "\(checked.map(\.unknown))")
        let list = checked[0].parsed["AccountAttributes"] as? [[String: Any]] ?? []
        #expect(list.map { $0["AttributeName"] as? String } == DescribeAccountAttributes.all)
        let typeNames = (checked[1].parsed["InstanceTypes"] as? [[String: Any]] ?? []).compactMap { $0["InstanceType"] as? String }
        #expect(typeNames == ["cs.large-instance", "cs.medium-instance", "t3.micro"])
        let small = (checked[1].parsed["InstanceTypes"] as? [[String: Any]] ?? []).first { $0["InstanceType"] as? String == "t3.micro" }
        #expect((small?["MemoryInfo"] as? [String: Any])?["SizeInMiB"] as? Int == 512)
        #expect((checked[2].parsed["InstanceTypes"] as? [[String: Any]])?.count == 2)
        let unknown = await cloud.send("DescribeAccountAttributes", [("AttributeName.1", "favourite-colour")])
        #expect(unknown.status == 400)
    }
}

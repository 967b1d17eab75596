import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Images: describe with owners and filters, attributes, permissions, create, register, deregister.
@Suite struct ImageActionTests {
    static func images(_ parsed: [String: Any]) -> [[String: Any]] { parsed["Images"] as? [[String: Any]] ?? [] }

    @Test func describeImagesByOwnerIdAndFilter() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let response = await cloud.send("DescribeImages")
        let checked = try BotocoreResponseChecker.check([("DescribeImages", response)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let all = Self.images(checked.parsed)
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0["State"] as? String == "available" && $0["Public"] as? Bool == true })
        let amazon = try await cloud.call("DescribeImages", [("Owner.1", "amazon")])
        #expect(Self.images(amazon).count == 2)
        let mine = try await cloud.call("DescribeImages", [("Owner.1", "self")])
        #expect(Self.images(mine).isEmpty)
        let first = try #require(all.first?["ImageId"] as? String)
        let byID = try await cloud.call("DescribeImages", [("ImageId.1", first)])
        #expect(Self.images(byID).map { $0["ImageId"] as? String } == [first])
        let ubuntu = try await cloud.call("DescribeImages", [("Filter.1.Name", "name"), ("Filter.1.Value.1", "Ubuntu*")])
        #expect(Self.images(ubuntu).count == 1)
        let missing = await cloud.send("DescribeImages", [("ImageId.1", "ami-" + String(repeating: "c", count: 32))])
        #expect(String(decoding: missing.body, as: UTF8.self).contains("InvalidAMIID.NotFound"))
    }

    @Test func createShareDescribeAndDeregisterAnImage() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 1))
        let instances = InstanceActionTests.instances(try await cloud.call("DescribeInstances"))
        let instance = try #require(instances.first?["InstanceId"] as? String)
        _ = try await cloud.call("StopInstances", [("InstanceId.1", instance)])
        let created = await cloud.send("CreateImage", [("InstanceId", instance), ("Name", "golden"), ("Description", "the golden image")])
        let checked = try BotocoreResponseChecker.check([("CreateImage", created)])[0]
        let image = try #require(checked.parsed["ImageId"] as? String, "\(String(decoding: created.body, as: UTF8.self))")
        #expect(image.hasPrefix("ami-"))
        let mine = Self.images(try await cloud.call("DescribeImages", [("Owner.1", "self")]))
        #expect(mine.map { $0["Name"] as? String } == ["golden"])
        #expect(mine.first?["Description"] as? String == "the golden image")

        let description = try await cloud.call("DescribeImageAttribute", [("ImageId", image), ("Attribute", "description")])
        #expect((description["Description"] as? [String: Any])?["Value"] as? String == "the golden image")
        let share = await cloud.send(
            "ModifyImageAttribute",
            [
                ("ImageId", image), ("LaunchPermission.Add.1.UserId", cloud.other.account), ("LaunchPermission.Add.2.Group", "all"),
            ])
        #expect(share.status == 200, "\(String(decoding: share.body, as: UTF8.self))")
        let permissions = try await cloud.call("DescribeImageAttribute", [("ImageId", image), ("Attribute", "launchPermission")])
        let list = permissions["LaunchPermissions"] as? [[String: Any]] ?? []
        #expect(list.contains { $0["Group"] as? String == "all" })
        #expect(list.contains { $0["UserId"] as? String == cloud.other.account })
        let seenByOther = try await cloud.call("DescribeImages", [("ImageId.1", image)], as: cloud.other)
        #expect(Self.images(seenByOther).count == 1)
        let notTheirs = await cloud.send("DeregisterImage", [("ImageId", image)], as: cloud.other)
        #expect(notTheirs.status == 403)
        let bad = await cloud.send("DescribeImageAttribute", [("ImageId", image), ("Attribute", "colour")])
        #expect(bad.status == 400)

        let deregistered = try await cloud.call("DeregisterImage", [("ImageId", image)])
        #expect(deregistered["Return"] as? Bool == true || deregistered.isEmpty)
        // EC2 answers an image deregistered lately with an empty list, not InvalidAMIID.NotFound.
        #expect(Self.images(try await cloud.call("DescribeImages", [("ImageId.1", image)])).isEmpty)
        #expect(Self.images(try await cloud.call("DescribeImages", [("Owner.1", "self")])).isEmpty)
        let twice = await cloud.send("DeregisterImage", [("ImageId", image)])
        #expect(String(decoding: twice.body, as: UTF8.self).contains("InvalidAMIID.NotFound"))
    }

    @Test func registerImageFromAURL() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let registered = try await cloud.call(
            "RegisterImage", [("Name", "imported"), ("ImageLocation", "https://images.example.org/disk.qcow2")])
        let image = try #require(registered["ImageId"] as? String)
        let mine = Self.images(try await cloud.call("DescribeImages", [("Owner.1", "self"), ("ImageId.1", image)]))
        #expect(mine.first?["Name"] as? String == "imported")
        let nothing = await cloud.send("RegisterImage", [("Name", "snapshot-based")])
        #expect(String(decoding: nothing.body, as: UTF8.self).contains("MissingParameter"))
        let kernel = await cloud.send(
            "RegisterImage", [("Name", "kernel"), ("ImageLocation", "https://images.example.org/k.qcow2"), ("KernelId", "aki-1")])
        #expect(String(decoding: kernel.body, as: UTF8.self).contains("KernelId"))
        let duplicate = await cloud.send("RegisterImage", [("Name", "imported"), ("ImageLocation", "https://images.example.org/d.qcow2")])
        #expect(String(decoding: duplicate.body, as: UTF8.self).contains("InvalidAMIName.Duplicate"))
        #expect(RegisterImage.format(of: "http://x/y.vhd.bz2") == "VHD")
        #expect(RegisterImage.format(of: "http://x/y.img?sig=1") == "RAW")
    }
}

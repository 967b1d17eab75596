import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// Cross-tenant attempts (issue #11): a second account names the first account's instance, image, key pair
/// and address in every EC2 action that takes a resource, and is refused; every listing it makes leaves the
/// first account's resources out; and afterwards the first account's resources are as they were.
@Suite("Tenancy: every EC2 action refuses another account's resources")
struct TenancyTests {
    /// The first account's resources, made through the API as that account.
    struct Owned {
        let instance: String
        let image: String
        let keyName: String
        let address: String
        let allocation: String
    }

    static func setUp(_ cloud: EC2TestCloud) async throws -> Owned {
        let image = try await InstanceActionTests.imageID(cloud)
        _ = try await cloud.call("CreateKeyPair", [("KeyName", "owner-key")])
        let run = try await cloud.call(
            "RunInstances", [("ImageId", image), ("MinCount", "1"), ("MaxCount", "1"), ("KeyName", "owner-key")])
        let instance = try #require((run["Instances"] as? [[String: Any]])?.first?["InstanceId"] as? String)
        _ = try await cloud.call("StopInstances", [("InstanceId.1", instance)])
        let created = try await cloud.call("CreateImage", [("InstanceId", instance), ("Name", "private-golden")])
        let privateImage = try #require(created["ImageId"] as? String)
        let credentials = InstanceActionTests.userCredentials(cloud)
        let networks = try await cloud.client.listAll(CommandTable.listNetworks, Parameters(), as: credentials)
        let network = try #require(networks.first { $0.type == "Isolated" }?.id)
        _ = try await cloud.client.run(CommandTable.associateIpAddress, ["networkid": network], as: credentials)
        let addresses = try await cloud.call("DescribeAddresses")
        let address = try #require((addresses["Addresses"] as? [[String: Any]])?.first)
        return Owned(
            instance: instance, image: privateImage, keyName: "owner-key", address: try #require(address["PublicIp"] as? String),
            allocation: try #require(address["AllocationId"] as? String))
    }

    static func text(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func anotherAccountCannotActOnOrSeeTheFirstAccountsResources() async throws {
        let cloud = try EC2TestCloud(seed: SeedData(userAccounts: 2, vmsPerAccount: 0))
        #expect(cloud.user.account != cloud.other.account)
        let owned = try await Self.setUp(cloud)
        let intruder = cloud.other

        // Actions on a named resource of the first account: each is an error naming the resource as missing or
        // forbidden, never a 200.
        let attempts: [(String, [(String, String)], [String])] = [
            ("DescribeInstances", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("DescribeInstanceStatus", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("DescribeInstanceAttribute", [("InstanceId", owned.instance), ("Attribute", "instanceType")], ["InvalidInstanceID.NotFound"]),
            (
                "ModifyInstanceAttribute", [("InstanceId", owned.instance), ("InstanceType.Value", "t3.micro")],
                ["InvalidInstanceID.NotFound"]
            ),
            ("GetPasswordData", [("InstanceId", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("StartInstances", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("StopInstances", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("RebootInstances", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("TerminateInstances", [("InstanceId.1", owned.instance)], ["InvalidInstanceID.NotFound"]),
            ("CreateImage", [("InstanceId", owned.instance), ("Name", "stolen")], ["InvalidInstanceID.NotFound"]),
            ("DescribeImages", [("ImageId.1", owned.image)], ["InvalidAMIID.NotFound"]),
            ("DescribeImageAttribute", [("ImageId", owned.image), ("Attribute", "description")], ["InvalidAMIID.NotFound"]),
            (
                "ModifyImageAttribute", [("ImageId", owned.image), ("LaunchPermission.Add.1.Group", "all")],
                ["InvalidAMIID.NotFound", "AuthFailure", "UnauthorizedOperation"]
            ),
            ("DeregisterImage", [("ImageId", owned.image)], ["InvalidAMIID.NotFound", "AuthFailure", "UnauthorizedOperation"]),
            ("RunInstances", [("ImageId", owned.image), ("MinCount", "1"), ("MaxCount", "1")], ["InvalidAMIID.NotFound"]),
            ("DescribeKeyPairs", [("KeyName.1", owned.keyName)], ["InvalidKeyPair.NotFound"]),
            (
                "RunInstances",
                [
                    ("ImageId", try await InstanceActionTests.imageID(cloud)), ("MinCount", "1"), ("MaxCount", "1"),
                    ("KeyName", owned.keyName),
                ],
                ["InvalidKeyPair.NotFound"]
            ),
            ("DescribeAddresses", [("PublicIp.1", owned.address)], ["InvalidAddress.NotFound"]),
            ("DescribeAddresses", [("AllocationId.1", owned.allocation)], ["InvalidAllocationID.NotFound", "InvalidAddress.NotFound"]),
        ]
        for (action, parameters, codes) in attempts {
            let response = await cloud.send(action, parameters, as: intruder)
            let body = Self.text(response)
            #expect(response.status >= 400 && response.status < 500, "\(action) \(parameters): \(response.status) \(body)")
            #expect(codes.contains { body.contains("<Code>\($0)</Code>") }, "\(action) \(parameters): \(body)")
        }

        // Listings: nothing of the first account's.
        let instances = InstanceActionTests.instances(try await cloud.call("DescribeInstances", as: intruder))
        #expect(!instances.contains { $0["InstanceId"] as? String == owned.instance })
        let status = try await cloud.call("DescribeInstanceStatus", [("IncludeAllInstances", "true")], as: intruder)
        #expect(!((status["InstanceStatuses"] as? [[String: Any]]) ?? []).contains { $0["InstanceId"] as? String == owned.instance })
        let images = ImageActionTests.images(try await cloud.call("DescribeImages", as: intruder))
        #expect(!images.contains { $0["ImageId"] as? String == owned.image })
        let keys = try await cloud.call("DescribeKeyPairs", as: intruder)
        #expect(!((keys["KeyPairs"] as? [[String: Any]]) ?? []).contains { $0["KeyName"] as? String == owned.keyName })
        let addresses = try await cloud.call("DescribeAddresses", as: intruder)
        #expect(!((addresses["Addresses"] as? [[String: Any]]) ?? []).contains { $0["PublicIp"] as? String == owned.address })

        // Key pair names are per account: the intruder's DeleteKeyPair, CreateKeyPair and ImportKeyPair of the same
        // name touch only its own namespace.
        _ = await cloud.send("DeleteKeyPair", [("KeyName", owned.keyName)], as: intruder)
        let theirs = try await cloud.call("CreateKeyPair", [("KeyName", owned.keyName)], as: intruder)
        let theirFingerprint = theirs["KeyFingerprint"] as? String
        let publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl intruder"
        _ = await cloud.send(
            "ImportKeyPair", [("KeyName", "imported"), ("PublicKeyMaterial", Data(publicKey.utf8).base64EncodedString())], as: intruder)

        // ec2stack's secret-key actions: the intruder cannot register or remove the first account's access key.
        let register = await cloud.unsigned(
            CredentialSourceCloudStackTests.form([
                "Action": "RegisterSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": intruder.secretKey,
            ]))
        #expect(register.status >= 400, "\(Self.text(register))")
        let remove = await cloud.unsigned(
            CredentialSourceCloudStackTests.form([
                "Action": "RemoveSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": intruder.secretKey,
            ]))
        #expect(remove.status >= 400, "\(Self.text(remove))")

        // The first account's resources are untouched.
        let mine = InstanceActionTests.instances(try await cloud.call("DescribeInstances", [("InstanceId.1", owned.instance)]))
        #expect(mine.count == 1)
        #expect((mine.first?["State"] as? [String: Any])?["Name"] as? String == "stopped")
        #expect(mine.first?["InstanceType"] as? String != nil)
        let myImages = ImageActionTests.images(try await cloud.call("DescribeImages", [("ImageId.1", owned.image)]))
        #expect(myImages.count == 1)
        #expect(myImages.first?["Public"] as? Bool == false)
        let myKeys = try await cloud.call("DescribeKeyPairs", [("KeyName.1", owned.keyName)])
        let myFingerprint = ((myKeys["KeyPairs"] as? [[String: Any]])?.first)?["KeyFingerprint"] as? String
        #expect(myFingerprint != nil && myFingerprint != theirFingerprint)
        let myAddresses = try await cloud.call("DescribeAddresses", [("PublicIp.1", owned.address)])
        #expect(((myAddresses["Addresses"] as? [[String: Any]]) ?? []).count == 1)
        #expect(try await cloud.call("DescribeInstances", [("InstanceId.1", owned.instance)]).isEmpty == false)
    }
}

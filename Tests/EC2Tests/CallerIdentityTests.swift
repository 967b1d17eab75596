import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import EC2

/// STS `GetCallerIdentity` on the EC2 endpoint, parsed by botocore's STS model; errors in STS's shape.
@Suite struct CallerIdentityTests {
    static func sts(
        _ cloud: EC2TestCloud, _ action: String, _ parameters: [(String, String)] = [], service: String = "sts", key: String? = nil
    )
        async -> Response
    {
        let request = EC2TestCloud.signedPost(
            [("Action", action), ("Version", "2011-06-15")] + parameters, accessKey: key ?? cloud.user.apiKey, secret: cloud.user.secretKey,
            at: cloud.clock.epochSeconds, service: service)
        return await cloud.unsigned(request)
    }

    @Test func answersTheSigningUserWithTheAccountEveryOwnerIdNames() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let response = await Self.sts(cloud, "GetCallerIdentity")
        let checked = try BotocoreResponseChecker.check([("GetCallerIdentity", response)], service: "sts")[0]
        #expect(response.status == 200 && checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        #expect(checked.root == "GetCallerIdentityResponse")
        let users = try await cloud.client.listAll(CommandTable.listUsers, Parameters(), as: InstanceActionTests.userCredentials(cloud))
        let user = try #require(users.first { $0.apikey == cloud.user.apiKey })
        let account = try #require(user.account)
        #expect(checked.parsed["Account"] as? String == account)
        #expect(checked.parsed["UserId"] as? String == user.id)
        #expect(checked.parsed["Arn"] as? String == "arn:aws:iam::\(account):user/\(user.username ?? "")")

        // The same account owns the caller's security groups (Ansible compares the two).
        _ = try await VolumeActionTests.ok(cloud, "CreateSecurityGroup", [("GroupName", "owned"), ("GroupDescription", "owned")])
        let groups = try await VolumeActionTests.ok(cloud, "DescribeSecurityGroups", [("GroupName.1", "owned")])
        #expect((groups["SecurityGroups"] as? [[String: Any]])?.first?["OwnerId"] as? String == account)
    }

    @Test(arguments: [
        ("AssumeRole", [("RoleArn", "arn:aws:iam::demo:role/r"), ("RoleSessionName", "s")], "InvalidAction", 400),
        ("GetCallerIdentity", [("Extra", "1")], "UnknownParameter", 400),
    ])
    func otherRequestsAreRefusedInSTSShape(action: String, parameters: [(String, String)], code: String, status: Int) async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let response = await Self.sts(cloud, action, parameters)
        let checked = try BotocoreResponseChecker.check([("GetCallerIdentity", response)], service: "sts")[0]
        #expect(response.status == status && checked.root == "ErrorResponse" && checked.error?.code == code, "\(checked.error as Any)")
    }

    @Test func signaturesAreCheckedForServiceSTS() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let wrongService = await Self.sts(cloud, "GetCallerIdentity", service: "ec2")
        let scoped = try BotocoreResponseChecker.check([("GetCallerIdentity", wrongService)], service: "sts")[0]
        #expect(scoped.root == "ErrorResponse" && scoped.error?.code == "SignatureDoesNotMatch")
        let unknown = await Self.sts(cloud, "GetCallerIdentity", key: "AKIDNOTAKEY")
        let stranger = try BotocoreResponseChecker.check([("GetCallerIdentity", unknown)], service: "sts")[0]
        #expect(unknown.status == 403 && stranger.error?.code == "InvalidClientTokenId")
        // EC2 requests keep EC2's error shape.
        let ec2 = String(decoding: await cloud.send("GetCallerIdentity").body, as: UTF8.self)
        #expect(ec2.contains("<Response><Errors><Error><Code>InvalidAction</Code>"), "\(ec2)")
    }
}

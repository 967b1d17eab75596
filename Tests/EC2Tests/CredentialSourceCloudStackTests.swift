import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Synchronization
import Testing

@testable import EC2

/// The CloudStack lookup (getUser → getUserKeys) and the SQLite key registry with its actions.
@Suite struct CredentialSourceCloudStackTests {
    /// Counts the requests a transport forwards, by command.
    final class Counting: Transport, Sendable {
        let inner: SimulatorTransport
        let commands = Mutex<[String]>([])
        init(_ inner: SimulatorTransport) { self.inner = inner }
        func send(_ request: OutboundRequest) async throws -> InboundResponse {
            let text = request.target + "&" + String(decoding: request.body, as: UTF8.self)
            if let range = text.range(of: "command=") {
                commands.withLock { $0.append(String(text[range.upperBound...].prefix { $0 != "&" })) }
            }
            return try await inner.send(request)
        }
    }

    @Test func looksUpKeysAsAdminAndCachesBothAnswers() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let counting = Counting(SimulatorTransport(simulator: cloud.simulator))
        let client = CloudStackClient(transport: counting, environment: cloud.client.environment)
        let source = CloudStackCredentialSource(
            client: client, adminCredentials: CloudStackCredentials(apiKey: cloud.admin.apiKey, secretKey: cloud.admin.secretKey),
            clock: cloud.clock.clock)
        let pair = try await source.credentials(forAccessKeyID: cloud.user.apiKey)
        #expect(pair == CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey))
        #expect(counting.commands.withLock { $0 } == ["getUser", "listAccounts", "getUserKeys"])
        _ = try await source.credentials(forAccessKeyID: cloud.user.apiKey)
        #expect(counting.commands.withLock { $0.count } == 3)
        #expect(try await source.credentials(forAccessKeyID: "no-such-key") == nil)
        #expect(try await source.credentials(forAccessKeyID: "no-such-key") == nil)
        #expect(counting.commands.withLock { $0.count } == 4)
        #expect(try await source.credentials(forAccessKeyID: "bad&key=1") == nil)
        #expect(counting.commands.withLock { $0.count } == 4)

        // Wrong admin keys are a failure to answer (the verifier turns it into Unavailable), never "unknown key".
        let broken = CloudStackCredentialSource(
            client: client, adminCredentials: CloudStackCredentials(apiKey: cloud.admin.apiKey, secretKey: "wrong"))
        await #expect(throws: CloudStackError.self) { try await broken.credentials(forAccessKeyID: cloud.user.apiKey) }
    }

    @Test func registryStoresOnlyPairsCloudStackAcceptsAndSealsThem() async throws {
        let cloud = try EC2TestCloud(seed: .empty, registry: true, staticKeys: false)
        let registry = try #require(cloud.registry)
        let before = await cloud.send("DescribeRegions")
        #expect(before.status == 401)

        let wrong = await cloud.unsigned(
            Self.form(["Action": "RegisterSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": "guess"]))
        #expect(wrong.status == 401)
        #expect(try await registry.count() == 0)

        let register = await cloud.unsigned(
            Self.form([
                "Action": "RegisterSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": cloud.user.secretKey,
            ]))
        let body = String(decoding: register.body, as: UTF8.self)
        #expect(register.status == 200, "\(body)")
        #expect(!body.contains(cloud.user.secretKey))
        #expect(body.contains("<AWSAccessKeyId>\(cloud.user.apiKey)</AWSAccessKeyId>"))
        let sealed = try #require(try await registry.sealedSecret(for: cloud.user.apiKey))
        #expect(!String(decoding: sealed, as: UTF8.self).contains(cloud.user.secretKey))
        #expect(try await registry.credentials(forAccessKeyID: cloud.user.apiKey)?.secretKey == cloud.user.secretKey)
        let again = await cloud.unsigned(
            Self.form([
                "Action": "RegisterSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": cloud.user.secretKey,
            ]))
        #expect(again.status == 200)
        #expect(await cloud.send("DescribeRegions").status == 200)

        let stranger = await cloud.unsigned(
            Self.form(["Action": "RemoveSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": "guess"]))
        #expect(stranger.status == 401)
        #expect(try await registry.count() == 1)
        let remove = await cloud.unsigned(
            Self.form([
                "Action": "RemoveSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": cloud.user.secretKey,
            ]))
        #expect(remove.status == 200)
        let removeAgain = await cloud.unsigned(
            Self.form([
                "Action": "RemoveSecretKey", "AWSAccessKeyId": cloud.user.apiKey, "AWSSecretKey": cloud.user.secretKey,
            ]))
        #expect(removeAgain.status == 200)
        // Removing a key that is no longer registered answers exactly like removing it did.
        #expect(
            String(decoding: removeAgain.body, as: UTF8.self).replacingOccurrences(
                of: #"<requestId>[^<]*</requestId>"#, with: "", options: .regularExpression)
                == String(decoding: remove.body, as: UTF8.self).replacingOccurrences(
                    of: #"<requestId>[^<]*</requestId>"#, with: "", options: .regularExpression))
        #expect(try await registry.count() == 0)
    }

    @Test func registryFileIsPrivateAndSurvivesReopening() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let key = Array(repeating: UInt8(5), count: 32)
        let first = try RegistryCredentialSource(path: path, masterKey: key, client: cloud.client)
        try await first.register(accessKeyID: cloud.user.apiKey, secretKey: cloud.user.secretKey)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o077 == 0)
        let reopened = try RegistryCredentialSource(path: path, masterKey: key, client: cloud.client)
        #expect(try await reopened.credentials(forAccessKeyID: cloud.user.apiKey)?.secretKey == cloud.user.secretKey)
        // Another master key cannot open the sealed secrets: the key is unknown rather than wrong.
        let otherKey = try RegistryCredentialSource(path: path, masterKey: Array(repeating: 6, count: 32), client: cloud.client)
        #expect(try await otherKey.credentials(forAccessKeyID: cloud.user.apiKey) == nil)
        #expect(throws: RegistryCredentialSource.OpenError.self) {
            try RegistryCredentialSource(path: path, masterKey: [1, 2], client: cloud.client)
        }
    }

    static func form(_ fields: KeyValuePairs<String, String>) -> Request {
        let body = fields.map { PercentEncoding.rfc3986($0.key) + "=" + PercentEncoding.rfc3986($0.value) }.joined(separator: "&")
        return Request(
            method: .post, uri: "/",
            headers: Headers([("Content-Type", "application/x-www-form-urlencoded"), ("Host", EC2TestCloud.host)]),
            body: Array(body.utf8))
    }
}

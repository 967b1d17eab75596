import CloudStack
import EC2
import Foundation
import Pipeline
import TestSupport
import Testing

/// Requests signed by botocore are accepted; the same requests with one byte changed are refused.
@Suite struct BotocoreSignedRequestTests {
    static let params: [(String, String)] = [
        ("Action", "DescribeInstances"), ("Version", "2016-11-15"),
        ("InstanceId.1", "i-0123"), ("InstanceId.2", "i-4567"),
        ("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "a b~c+d*e/f=g&h"), ("Filter.1.Value.2", "ünï 日本 ✓"),
        ("Filter.2.Name", "empty"), ("Filter.2.Value.1", ""),
    ]

    static func verify(_ request: Request, at time: Int64 = BotocoreSigner.epoch) async throws -> AuthenticatedPrincipal {
        try await BotocoreSigner.verifier(at: time).verify(request, parameters: try QueryParameters(request: request))
    }

    static func expectError(
        _ code: String, _ request: Request, at time: Int64 = BotocoreSigner.epoch, region: String = BotocoreSigner.region
    ) async {
        do {
            let verifier = BotocoreSigner.verifier(at: time, region: region)
            _ = try await verifier.verify(request, parameters: try QueryParameters(request: request))
            Issue.record("expected \(code), request was accepted")
        } catch let error as EC2Error {
            #expect(error.code == code, "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func acceptedAndDecodedAsSigned(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        let principal = try await Self.verify(request)
        #expect(principal.accessKeyID == BotocoreSigner.accessKey)
        #expect(principal.keyPair.secretKey == BotocoreSigner.secret)
        let expected: SignatureScheme =
            switch mode {
            case .v4Get, .v4Post: .v4Header
            case .v4Presigned: .v4Query
            case .v2Get, .v2Post: .v2HmacSHA256
            case .v2SHA1: .v2HmacSHA1
            }
        #expect(principal.scheme == expected)
        let parameters = try QueryParameters(request: request)
        for (name, value) in Self.params {
            #expect(parameters[name] == value, "\(name)")
        }
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func oneChangedByteIsRefused(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        var tampered = request
        if request.body.isEmpty {
            tampered.uri = request.uri.replacingFirst("i-0123", with: "i-0124")
        } else {
            tampered.body = Array(String(decoding: request.body, as: UTF8.self).replacingFirst("i-0123", with: "i-0124").utf8)
        }
        #expect(tampered.uri != request.uri || tampered.body != request.body)
        await Self.expectError("SignatureDoesNotMatch", tampered)
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func acceptedAtAConfiguredPath(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params, path: "/services/Cloud")
        #expect(request.path == "/services/Cloud")
        _ = try await Self.verify(request)
        var moved = request
        moved.uri = "/services/Other" + request.uri.dropFirst("/services/Cloud".count)
        await Self.expectError("SignatureDoesNotMatch", moved)
    }

    @Test(arguments: [BotocoreSigner.Mode.v4Get, .v4Post, .v4Presigned, .v2Post])
    func changedHostIsRefused(mode: BotocoreSigner.Mode) async throws {
        var request = try BotocoreSigner.sign(mode, params: Self.params)
        request.headers.set("Host", "127.0.0.1:8788")
        await Self.expectError("SignatureDoesNotMatch", request)
    }

    @Test func changedSignedHeaderIsRefused() async throws {
        var request = try BotocoreSigner.sign(.v4Post, params: Self.params)
        request.headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-9")
        await Self.expectError("SignatureDoesNotMatch", request)
    }

    @Test func addedQueryParameterIsRefused() async throws {
        let request = try BotocoreSigner.sign(.v4Post, params: Self.params)
        var tampered = request
        tampered.uri = request.uri + "?DryRun=true"
        await Self.expectError("SignatureDoesNotMatch", tampered)
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func wrongSecretIsRefused(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        let other = RequestVerifier(
            region: BotocoreSigner.region,
            credentials: StaticCredentialSource([CloudStackCredentials(apiKey: BotocoreSigner.accessKey, secretKey: "other")]),
            clock: .fixed(BotocoreSigner.epoch))
        await #expect(throws: EC2Error.signatureDoesNotMatch()) {
            try await other.verify(request, parameters: try QueryParameters(request: request))
        }
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func unknownKeyIsAuthFailure(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        let empty = RequestVerifier(region: BotocoreSigner.region, credentials: CredentialChain([]), clock: .fixed(BotocoreSigner.epoch))
        await #expect(throws: EC2Error.authFailure()) {
            try await empty.verify(request, parameters: try QueryParameters(request: request))
        }
    }

    @Test(arguments: BotocoreSigner.Mode.allCases)
    func stalePastAndFutureAreExpired(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        // Presigned URLs live for X-Amz-Expires (300 s here); the rest for 15 minutes either way.
        let pastLimit: Int64 = mode == .v4Presigned ? 300 : 900
        _ = try await Self.verify(request, at: BotocoreSigner.epoch + pastLimit)
        await Self.expectError("RequestExpired", request, at: BotocoreSigner.epoch + pastLimit + 1)
        _ = try await Self.verify(request, at: BotocoreSigner.epoch - 900)
        await Self.expectError("RequestExpired", request, at: BotocoreSigner.epoch - 901)
    }

    @Test(arguments: [BotocoreSigner.Mode.v4Get, .v4Post, .v4Presigned])
    func wrongRegionIsRefusedBeforeLookingUpTheKey(mode: BotocoreSigner.Mode) async throws {
        let request = try BotocoreSigner.sign(mode, params: Self.params)
        await Self.expectError("SignatureDoesNotMatch", request, region: "zone-2")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

import Crypto
import Pipeline
import Testing

@testable import GCE

/// The `client_credentials` grant (RFC 6749 §4.4): the CloudStack key pair is the client, the answer an
/// access token without a refresh token.
@Suite("OAuth2: client_credentials grant")
struct ClientCredentialsTests {
    @Test func theKeyPairInTheFormGetsAnAccessTokenThatServesCompute() async throws {
        let bridge = try TestBridge()
        let response = await OAuthTests.post(
            bridge, "/token",
            [("grant_type", "client_credentials"), ("client_id", bridge.user.apiKey), ("client_secret", bridge.user.secretKey)])
        #expect(response.status == 200)
        let grant = OAuthTests.json(response)
        #expect(grant["token_type"] as? String == "Bearer")
        #expect(grant["expires_in"] as? Int == 3600)
        #expect(grant["scope"] as? String == "https://www.googleapis.com/auth/compute")
        #expect(grant["refresh_token"] == nil)
        let access = try #require(grant["access_token"] as? String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 200)
        bridge.clock.advance(seconds: 3601)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 401)
    }

    @Test func theKeyPairInHTTPBasicWorksAndTheScopeIsKept() async throws {
        let bridge = try TestBridge()
        let basic = Base64.encode(Array("\(FormFields.encode(bridge.user.apiKey)):\(FormFields.encode(bridge.user.secretKey))".utf8))
        var context = RequestContext(requestID: "test", startNanos: 0)
        let request = Request(
            method: .post, uri: "/oauth2/token",
            headers: Headers([("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", "Basic " + basic)]),
            body: Array("grant_type=client_credentials&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcompute.readonly".utf8))
        let response = await bridge.responder.respond(to: request, context: &context)
        #expect(response.status == 200)
        #expect(OAuthTests.json(response)["scope"] as? String == "https://www.googleapis.com/auth/compute.readonly")
    }

    @Test(arguments: [
        ("wrong secret", [("client_secret", "not-the-secret")], 401),
        ("no secret", [], 401),
        ("empty secret", [("client_secret", "")], 401),
    ])
    func aPairCloudStackRefusesGetsInvalidClient(_ label: String, _ secret: [(String, String)], _ status: Int) async throws {
        let bridge = try TestBridge()
        let response = await OAuthTests.post(
            bridge, "/token", [("grant_type", "client_credentials"), ("client_id", bridge.user.apiKey)] + secret)
        #expect(response.status == status, "\(label)")
        #expect(OAuthTests.json(response)["error"] as? String == "invalid_client", "\(label)")
        #expect(OAuthTests.json(response)["access_token"] == nil, "\(label)")
    }
}

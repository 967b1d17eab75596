import Crypto
import Foundation
import Pipeline
import TestSupport
import Testing

@testable import GCE

@Suite("RS256: RSA verification, service-account key files, JWT-bearer and self-signed JWTs")
struct ServiceAccountTests {
    /// Runs python3 with `script`, `input` on stdin; returns stdout lines.
    static func python(_ script: String, input: String) throws -> [String] {
        let outcome = try Subprocess.run("python3", ["-c", script], input: Data(input.utf8))
        #expect(outcome.status == 0, "\(outcome.errors)")
        return outcome.lines
    }

    @Test func rsaVerifierAgreesWithPythonCryptography() throws {
        let pair = try #require(RSAKeyPair.generate(bits: 2048))
        let key = try RSAPublicKey(sshBlob: pair.publicKeyBlob)
        let script = """
            import sys, base64
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.hazmat.primitives.asymmetric import padding
            key = serialization.load_pem_private_key(sys.stdin.read().encode(), password=None)
            print(base64.b64encode(key.sign(b"signed message", padding.PKCS1v15(), hashes.SHA256())).decode())
            print(base64.b64encode(key.sign(b"other", padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())).decode())
            """
        let lines = try Self.python(script, input: pair.privateKeyPEM)
        let signature = try #require(Base64.decode(lines[0]))
        #expect(key.verify(signature, of: Array("signed message".utf8)))
        #expect(!key.verify(signature, of: Array("signed messagf".utf8)))
        var flipped = signature
        flipped[100] ^= 0x40
        #expect(!key.verify(flipped, of: Array("signed message".utf8)))
        #expect(!key.verify(try #require(Base64.decode(lines[1])), of: Array("other".utf8)))
        #expect(!key.verify(Array(signature.dropFirst()), of: Array("signed message".utf8)))
    }

    @Test func keyFileWorksWithGoogleAuthForTheGrantAndAsASelfSignedBearer() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        var context = RequestContext(requestID: "t", startNanos: 0)
        let issued = await bridge.responder.respond(
            to: Request(method: .post, uri: "/oauth2/serviceAccountKeys", headers: Headers([("Authorization", "Bearer " + token)])),
            context: &context)
        #expect(issued.status == 200)
        let keyFile = String(decoding: issued.body, as: UTF8.self)
        #expect(await bridge.send(.post, "/oauth2/serviceAccountKeys").status == 401)
        let now = bridge.clock.epochSeconds
        let script = """
            import json, sys
            from google.oauth2 import service_account
            from google.auth import jwt
            info = json.loads(sys.stdin.read())
            creds = service_account.Credentials.from_service_account_info(info)
            now = \(now)
            scope = "https://www.googleapis.com/auth/compute"
            print(jwt.encode(creds.signer, {"iss": info["client_email"], "aud": info["token_uri"], "scope": scope, "iat": now, "exp": now + 3600}).decode())
            print(jwt.encode(creds.signer, {"iss": info["client_email"], "sub": info["client_email"], "scope": scope, "iat": now, "exp": now + 3600}).decode())
            print(jwt.encode(creds.signer, {"iss": info["client_email"], "aud": info["token_uri"], "iat": now, "exp": now + 7200}).decode())
            """
        let jwts = try Self.python(script, input: keyFile)
        let grant = await OAuthTests.post(
            bridge, "/token", [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", jwts[0])])
        #expect(grant.status == 200, "\(OAuthTests.json(grant))")
        let access = try #require(OAuthTests.json(grant)["access_token"] as? String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: access).status == 200)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: jwts[1]).status == 200)
        let tooLong = await OAuthTests.post(
            bridge, "/token", [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", jwts[2])])
        #expect(OAuthTests.json(tooLong)["error"] as? String == "invalid_grant")
        var tampered = Array(jwts[1].utf8)
        tampered[tampered.count - 5] = tampered[tampered.count - 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: String(decoding: tampered, as: UTF8.self)).status == 401)
        // Revoking the key (its private_key_id) refuses its assertions and self-signed tokens, even remembered ones.
        let info = try #require(try JSONSerialization.jsonObject(with: Data(issued.body)) as? [String: Any])
        #expect(await OAuthTests.post(bridge, "/oauth2/revoke", [("token", info["private_key_id"] as? String ?? "")]).status == 200)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: jwts[1]).status == 401)
        let afterRevoke = await OAuthTests.post(
            bridge, "/token", [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", jwts[0])])
        #expect(afterRevoke.status == 400)
        bridge.clock.advance(seconds: 3601)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones", token: jwts[1]).status == 401)
    }
}

import Foundation
import Pipeline
import TestSupport
import Testing

@testable import EC2

/// Key pairs, with their fingerprints checked against Python's `cryptography` and `hashlib` (an independent
/// implementation): one fingerprint per key whatever the path, CloudStack's MD5 of the OpenSSH key blob.
@Suite struct KeyPairActionTests {
    /// A fresh RSA and ed25519 key from `cryptography`: OpenSSH lines and the MD5 of each decoded blob.
    static let generator = """
        import sys, json, hashlib, base64
        from cryptography.hazmat.primitives.asymmetric import rsa, ed25519
        from cryptography.hazmat.primitives import serialization as s
        def md5(line):
            h = hashlib.md5(base64.b64decode(line.split()[1])).hexdigest()
            return ':'.join(h[i:i+2] for i in range(0, 32, 2))
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        line = key.public_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH).decode() + ' me@example'
        ed = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH).decode()
        print(json.dumps({'line': line, 'md5': md5(line), 'ed': ed, 'edmd5': md5(ed)}))
        """

    /// The MD5 of the OpenSSH public key blob of a PEM private key, by `cryptography`.
    static let publicBlobMD5 = """
        import sys, hashlib
        from cryptography.hazmat.primitives import serialization as s
        key = s.load_pem_private_key(sys.stdin.buffer.read(), password=None)
        blob = key.public_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH).split()[1]
        import base64
        h = hashlib.md5(base64.b64decode(blob)).hexdigest()
        print(':'.join(h[i:i+2] for i in range(0, 32, 2)))
        """

    /// The fingerprint DescribeKeyPairs reports for `name`.
    static func described(_ cloud: EC2TestCloud, _ name: String) async throws -> String? {
        let answer = try await cloud.call("DescribeKeyPairs", [("KeyName.1", name)])
        return (answer["KeyPairs"] as? [[String: Any]])?.first?["KeyFingerprint"] as? String
    }

    @Test func createImportDescribeDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = await cloud.send("CreateKeyPair", [("KeyName", "made")])
        let checked = try BotocoreResponseChecker.check([("CreateKeyPair", created)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let material = try #require(checked.parsed["KeyMaterial"] as? String)
        let expected = String(decoding: try Subprocess.python(Self.publicBlobMD5, input: Data(material.utf8)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(checked.parsed["KeyFingerprint"] as? String == expected)
        #expect(try await Self.described(cloud, "made") == expected)
        #expect((checked.parsed["KeyPairId"] as? String)?.hasPrefix("key-") == true)
        let duplicate = await cloud.send("CreateKeyPair", [("KeyName", "made")])
        #expect(String(decoding: duplicate.body, as: UTF8.self).contains("InvalidKeyPair.Duplicate"))

        let keys = try JSONSerialization.jsonObject(with: try Subprocess.python(Self.generator)) as? [String: String] ?? [:]
        let line = try #require(keys["line"])
        let imported = try await cloud.call(
            "ImportKeyPair", [("KeyName", "mine"), ("PublicKeyMaterial", Data(line.utf8).base64EncodedString())])
        #expect(imported["KeyFingerprint"] as? String == keys["md5"])
        #expect(try await Self.described(cloud, "mine") == keys["md5"])
        let ed = try await cloud.call(
            "ImportKeyPair", [("KeyName", "ed"), ("PublicKeyMaterial", Data((keys["ed"] ?? "").utf8).base64EncodedString())])
        #expect(ed["KeyFingerprint"] as? String == keys["edmd5"])
        #expect(try await Self.described(cloud, "ed") == keys["edmd5"])
        // CloudStack keeps a public key once per account: a second name for it is refused, naming the first.
        let again = await cloud.send(
            "ImportKeyPair", [("KeyName", "mine-too"), ("PublicKeyMaterial", Data(line.utf8).base64EncodedString())])
        #expect(again.status == 400)
        #expect(String(decoding: again.body, as: UTF8.self).contains("<Code>InvalidKeyPair.Duplicate</Code>"))
        #expect(String(decoding: again.body, as: UTF8.self).contains("already imported as key pair &apos;mine&apos;"))
        let garbage = await cloud.send(
            "ImportKeyPair", [("KeyName", "bad"), ("PublicKeyMaterial", Data("not a key".utf8).base64EncodedString())])
        #expect(String(decoding: garbage.body, as: UTF8.self).contains("InvalidKey.Format"))

        let described = await cloud.send("DescribeKeyPairs")
        let listed = try BotocoreResponseChecker.check([("DescribeKeyPairs", described)])[0]
        #expect(listed.unknown.isEmpty)
        let names = (listed.parsed["KeyPairs"] as? [[String: Any]] ?? []).compactMap { $0["KeyName"] as? String }
        #expect(names == ["ed", "made", "mine"])
        let filtered = try await cloud.call("DescribeKeyPairs", [("Filter.1.Name", "key-name"), ("Filter.1.Value.1", "m*")])
        #expect((filtered["KeyPairs"] as? [[String: Any]])?.count == 2)
        let missing = await cloud.send("DescribeKeyPairs", [("KeyName.1", "nope")])
        #expect(String(decoding: missing.body, as: UTF8.self).contains("InvalidKeyPair.NotFound"))

        #expect(await cloud.send("DeleteKeyPair", [("KeyName", "mine")]).status == 200)
        #expect(await cloud.send("DeleteKeyPair", [("KeyName", "never-existed")]).status == 200)
        let after = try await cloud.call("DescribeKeyPairs")
        #expect((after["KeyPairs"] as? [[String: Any]] ?? []).compactMap { $0["KeyName"] as? String } == ["ed", "made"])
        let other = try await cloud.call("DescribeKeyPairs", as: cloud.other)
        #expect((other["KeyPairs"] as? [[String: Any]] ?? []).isEmpty)
    }
}

import Foundation
import Pipeline
import TestSupport
import Testing

@testable import EC2

/// Key pairs, with EC2's fingerprints checked against Python's `cryptography` (an independent implementation).
@Suite struct KeyPairActionTests {
    /// A fresh RSA key from `cryptography`: OpenSSH line, MD5 of its SubjectPublicKeyInfo DER, and an ed25519 line with its SHA-256.
    static let generator = """
        import sys, json, hashlib, base64
        from cryptography.hazmat.primitives.asymmetric import rsa, ed25519
        from cryptography.hazmat.primitives import serialization as s
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pub = key.public_key()
        line = pub.public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH).decode() + ' me@example'
        md5 = hashlib.md5(pub.public_bytes(s.Encoding.DER, s.PublicFormat.SubjectPublicKeyInfo)).hexdigest()
        ed = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH).decode()
        edsha = base64.b64encode(hashlib.sha256(base64.b64decode(ed.split()[1])).digest()).decode()
        print(json.dumps({'line': line, 'md5': ':'.join(md5[i:i+2] for i in range(0, 32, 2)), 'ed': ed, 'edsha': edsha}))
        """

    /// SHA-1 of the PKCS#8 DER of a PEM private key, by `cryptography`.
    static let pkcs8SHA1 = """
        import sys, hashlib
        from cryptography.hazmat.primitives import serialization as s
        key = s.load_pem_private_key(sys.stdin.buffer.read(), password=None)
        der = key.private_bytes(s.Encoding.DER, s.PrivateFormat.PKCS8, s.NoEncryption())
        h = hashlib.sha1(der).hexdigest()
        print(':'.join(h[i:i+2] for i in range(0, 40, 2)))
        """

    @Test func createImportDescribeDelete() async throws {
        let cloud = try EC2TestCloud(seed: .empty)
        let created = await cloud.send("CreateKeyPair", [("KeyName", "made")])
        let checked = try BotocoreResponseChecker.check([("CreateKeyPair", created)])[0]
        #expect(checked.unknown.isEmpty && checked.missing.isEmpty, "\(checked.unknown) \(checked.missing)")
        let material = try #require(checked.parsed["KeyMaterial"] as? String)
        let expected = String(decoding: try Subprocess.python(Self.pkcs8SHA1, input: Data(material.utf8)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(checked.parsed["KeyFingerprint"] as? String == expected)
        #expect((checked.parsed["KeyPairId"] as? String)?.hasPrefix("key-") == true)
        let duplicate = await cloud.send("CreateKeyPair", [("KeyName", "made")])
        #expect(String(decoding: duplicate.body, as: UTF8.self).contains("InvalidKeyPair.Duplicate"))

        let keys = try JSONSerialization.jsonObject(with: try Subprocess.python(Self.generator)) as? [String: String] ?? [:]
        let line = try #require(keys["line"])
        let imported = try await cloud.call(
            "ImportKeyPair", [("KeyName", "mine"), ("PublicKeyMaterial", Data(line.utf8).base64EncodedString())])
        #expect(imported["KeyFingerprint"] as? String == keys["md5"])
        let ed = try await cloud.call(
            "ImportKeyPair", [("KeyName", "ed"), ("PublicKeyMaterial", Data((keys["ed"] ?? "").utf8).base64EncodedString())])
        #expect(ed["KeyFingerprint"] as? String == keys["edsha"])
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

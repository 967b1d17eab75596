import Foundation
import Testing

@testable import Crypto

/// RS256 verification against signatures made by the `openssl` CLI (an independent signer), with keys read
/// from every source the bridge uses: PEM and DER SubjectPublicKeyInfo, JWK `n`/`e`, and OpenSSH blobs
/// written by `ssh-keygen`.
@Suite("RSAPublicKey: EVP_DigestVerify known answers and refused keys")
struct RSAPublicKeyTests {
    /// One key made by `openssl genpkey`, with its public half in every encoding.
    struct CLIKey {
        let directory: URL
        let privateKey: URL
        let pem: String
        let der: [UInt8]
        let modulus: [UInt8]
        let exponent: [UInt8]
        let sshBlob: [UInt8]

        /// Signs `message` with `openssl dgst -<digest> -sign`, plus any `-sigopt` options.
        func sign(_ message: [UInt8], digest: String = "sha256", options: [String] = []) throws -> [UInt8] {
            let input = directory.appendingPathComponent("message-\(UUID().uuidString)")
            let output = directory.appendingPathComponent("signature-\(UUID().uuidString)")
            try Data(message).write(to: input)
            try run(
                ["openssl", "dgst", "-" + digest, "-sign", privateKey.path] + options.flatMap { ["-sigopt", $0] } + [
                    "-out", output.path, input.path,
                ])
            return Array(try Data(contentsOf: output))
        }
    }

    /// Runs a command; returns stdout and fails the test on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIFailure(command: arguments.joined(separator: " ")) }
        return out
    }

    struct CLIFailure: Error { let command: String }

    /// A fresh key of `bits` bits and public exponent `exponent`, made and exported by the CLI tools.
    static func cliKey(bits: Int, exponent: Int = 65_537, algorithm: String = "RSA") throws -> CLIKey {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rsa-kat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let privateKey = directory.appendingPathComponent("key.pem")
        try run([
            "openssl", "genpkey", "-algorithm", algorithm, "-pkeyopt", "rsa_keygen_bits:\(bits)", "-pkeyopt",
            "rsa_keygen_pubexp:\(exponent)", "-out", privateKey.path,
        ])
        let pem = String(decoding: try run(["openssl", "pkey", "-in", privateKey.path, "-pubout"]), as: UTF8.self)
        let der = Array(try run(["openssl", "pkey", "-in", privateKey.path, "-pubout", "-outform", "DER"]))
        let modulusLine = String(decoding: try run(["openssl", "rsa", "-in", privateKey.path, "-noout", "-modulus"]), as: UTF8.self)
        let modulus = HMACTests.bytes(
            modulusLine.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "Modulus=", with: ""))
        var exponentBytes: [UInt8] = []
        var e = exponent
        while e > 0 {
            exponentBytes.insert(UInt8(e & 0xFF), at: 0)
            e >>= 8
        }
        let sshBlob: [UInt8]
        if bits >= 1024 {
            // ssh-keygen reads the PEM private key itself and writes the OpenSSH public line independently of SSHWire.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: privateKey.path)
            let sshLine = String(decoding: try run(["ssh-keygen", "-y", "-f", privateKey.path]), as: UTF8.self)
            let fields = sshLine.split(separator: " ")
            #expect(fields.first == "ssh-rsa")
            sshBlob = try #require(Base64.decode(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)))
        } else {
            // ssh-keygen itself refuses keys below 1024 bits; the blob is built the way RSAKeyPair builds it.
            var blob: [UInt8] = []
            SSHWire.appendString(Array("ssh-rsa".utf8), to: &blob)
            SSHWire.appendMPInt(exponentBytes, to: &blob)
            SSHWire.appendMPInt(modulus, to: &blob)
            sshBlob = blob
        }
        return CLIKey(
            directory: directory, privateKey: privateKey, pem: pem, der: der, modulus: modulus, exponent: exponentBytes, sshBlob: sshBlob)
    }

    /// The public key read from every encoding of `key`.
    static func everyEncoding(_ key: CLIKey) throws -> [(String, RSAPublicKey)] {
        [
            ("pem", try RSAPublicKey(pem: key.pem)),
            ("der", try RSAPublicKey(der: key.der)),
            ("parts", try RSAPublicKey(modulus: key.modulus, exponent: key.exponent)),
            (
                "jwk",
                try RSAPublicKey(
                    jwkModulus: Base64.encode(key.modulus, urlSafe: true, padding: false),
                    exponent: Base64.encode(key.exponent, urlSafe: true, padding: false))
            ),
            ("ssh", try RSAPublicKey(sshBlob: key.sshBlob)),
        ]
    }

    @Test(arguments: [(2048, 65_537), (3072, 65_537), (4096, 3), (2048, 4_294_967_297)])
    func cliSignaturesOverRandomMessagesVerifyFromEveryEncoding(bits: Int, exponent: Int) throws {
        let key = try Self.cliKey(bits: bits, exponent: exponent)
        let other = try Self.cliKey(bits: bits)
        let others = try Self.everyEncoding(other)
        let signed = try [0, 1, 57, 1000, 70_000].map { length in
            let message = SecureRandom.bytes(length)
            return (message, try key.sign(message))
        }
        for (name, publicKey) in try Self.everyEncoding(key) {
            #expect(publicKey.bits == bits, "\(name)")
            for (message, signature) in signed {
                let length = message.count
                #expect(publicKey.verify(signature, of: message), "\(name) \(length)")
                // Every single-bit change of the signature or the message fails.
                var flipped = signature
                let bit = Int.random(in: 0..<(signature.count * 8))
                flipped[bit / 8] ^= 1 << UInt8(bit % 8)
                #expect(!publicKey.verify(flipped, of: message), "\(name) flipped signature bit \(bit)")
                if !message.isEmpty {
                    var altered = message
                    altered[Int.random(in: 0..<message.count)] ^= 0x01
                    #expect(!publicKey.verify(signature, of: altered), "\(name) altered message")
                }
                #expect(!publicKey.verify(signature, of: message + [0]), "\(name) extended message")
                #expect(!publicKey.verify(Array(signature.dropFirst()), of: message), "\(name) short signature")
                #expect(!publicKey.verify([0] + signature, of: message), "\(name) long signature")
                #expect(!publicKey.verify([], of: message), "\(name) empty signature")
            }
        }
        // The other key's signatures fail under this key, and this key's under the other, in every encoding.
        let message = SecureRandom.bytes(64)
        let signature = try key.sign(message)
        for (name, publicKey) in others { #expect(!publicKey.verify(signature, of: message), "wrong key \(name)") }
    }

    @Test func otherPaddingsAndDigestsDoNotPassAsRS256() throws {
        let key = try Self.cliKey(bits: 2048)
        let publicKey = try RSAPublicKey(pem: key.pem)
        let message = SecureRandom.bytes(200)
        #expect(!publicKey.verify(try key.sign(message, options: ["rsa_padding_mode:pss", "rsa_pss_saltlen:32"]), of: message))
        let sha1 = try key.sign(message, digest: "sha1")
        #expect(!publicKey.verify(sha1, of: message))
        #expect(publicKey.verify(sha1, of: message, digest: .sha1))
        #expect(!publicKey.verify(try key.sign(message, digest: "sha512"), of: message))
        // A signature value equal to or above the modulus is not a signature (RFC 8017 §5.2.2).
        #expect(!publicKey.verify(key.modulus, of: message))
        #expect(!publicKey.verify([UInt8](repeating: 0xFF, count: key.modulus.count), of: message))
        #expect(!publicKey.verify([UInt8](repeating: 0, count: key.modulus.count), of: message))
    }

    @Test func tinyModuliAreRefusedFromEveryEncoding() throws {
        for bits in [512, 1024, 2040] {
            let key = try Self.cliKey(bits: bits)
            for (name, attempt) in Self.attempts(key) {
                #expect(throws: RSAKeyError.self, "\(bits) bits \(name)") { try attempt() }
            }
        }
    }

    @Test func hugeOrEvenExponentsAndEvenOrHugeModuliAreRefused() throws {
        let key = try Self.cliKey(bits: 2048)
        let huge: [UInt8] = [0x01] + [UInt8](repeating: 0, count: 8) + [0x01]
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(modulus: key.modulus, exponent: huge) }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(der: DER.subjectPublicKeyInfo(modulus: key.modulus, exponent: huge)) }
        #expect(throws: RSAKeyError.self) {
            try RSAPublicKey(der: DER.subjectPublicKeyInfo(modulus: key.modulus, exponent: [UInt8](repeating: 0xFF, count: 256) + [1]))
        }
        var blob: [UInt8] = []
        SSHWire.appendString(Array("ssh-rsa".utf8), to: &blob)
        SSHWire.appendMPInt(huge, to: &blob)
        SSHWire.appendMPInt(key.modulus, to: &blob)
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(sshBlob: blob) }
        for exponent in [[0x01], [0x02], [0x01, 0x00, 0x00], [0x00], []] as [[UInt8]] {
            #expect(throws: RSAKeyError.self, "e=\(exponent)") { try RSAPublicKey(modulus: key.modulus, exponent: exponent) }
        }
        var even = key.modulus
        even[even.count - 1] &= 0xFE
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(modulus: even, exponent: [1, 0, 1]) }
        #expect(throws: RSAKeyError.self) {
            try RSAPublicKey(modulus: [0xFF] + [UInt8](repeating: 0x55, count: 1024), exponent: [1, 0, 1])
        }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(modulus: [], exponent: [1, 0, 1]) }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(modulus: [UInt8](repeating: 0xFF, count: 1_000_000), exponent: [1, 0, 1]) }
    }

    @Test func garbageEncodingsAreRefused() throws {
        let key = try Self.cliKey(bits: 2048)
        for garbage in [
            [], [0x30], [0x30, 0x82, 0xFF, 0xFF], Array(key.der.dropLast()), Array(key.der.prefix(40)), SecureRandom.bytes(300),
        ] {
            #expect(throws: RSAKeyError.self, "\(garbage.prefix(8))") { try RSAPublicKey(der: garbage) }
        }
        // A DER length field claiming more than the input, and an enormous input.
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(der: [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF] + key.der) }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(der: [UInt8](repeating: 0x30, count: 1 << 20)) }
        for pem in [
            "", "hello", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", String(key.pem.dropLast(40)),
            key.pem.replacingOccurrences(of: "PUBLIC KEY", with: "RSA PRIVATE KEY"), String(repeating: "A", count: 100_000),
        ] {
            #expect(throws: RSAKeyError.self, "\(pem.prefix(30))") { try RSAPublicKey(pem: pem) }
        }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(jwkModulus: "!!!", exponent: "AQAB") }
        #expect(throws: RSAKeyError.self) { try RSAPublicKey(jwkModulus: String(repeating: "A", count: 100_000), exponent: "AQAB") }
        var badType: [UInt8] = []
        SSHWire.appendString(Array("ssh-ed25519".utf8), to: &badType)
        SSHWire.appendMPInt(key.exponent, to: &badType)
        SSHWire.appendMPInt(key.modulus, to: &badType)
        var negative: [UInt8] = []
        SSHWire.appendString(Array("ssh-rsa".utf8), to: &negative)
        SSHWire.appendString(key.exponent, to: &negative)
        SSHWire.appendString(key.modulus, to: &negative)
        let overrun = Array(key.sshBlob.prefix(11)) + [0xFF, 0xFF, 0xFF, 0xFF]
        for blob in [[], badType, negative, overrun, Array(key.sshBlob.dropLast()), key.sshBlob + [0, 0, 0, 0]] {
            #expect(throws: RSAKeyError.self, "\(blob.count) bytes") { try RSAPublicKey(sshBlob: blob) }
        }
    }

    @Test func nonRSAKeysAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rsa-kat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (algorithm, options) in [
            ("EC", ["-pkeyopt", "ec_paramgen_curve:P-256"]), ("ED25519", []), ("RSA-PSS", ["-pkeyopt", "rsa_keygen_bits:2048"]),
        ] {
            let path = directory.appendingPathComponent("\(algorithm).pem").path
            try Self.run(["openssl", "genpkey", "-algorithm", algorithm] + options + ["-out", path])
            let pem = String(decoding: try Self.run(["openssl", "pkey", "-in", path, "-pubout"]), as: UTF8.self)
            let der = Array(try Self.run(["openssl", "pkey", "-in", path, "-pubout", "-outform", "DER"]))
            #expect(throws: RSAKeyError.self, "\(algorithm)") { try RSAPublicKey(pem: pem) }
            #expect(throws: RSAKeyError.self, "\(algorithm)") { try RSAPublicKey(der: der) }
        }
    }

    @Test func keysFromRSAKeyPairVerifyCLISignaturesOfTheirPrivateKey() throws {
        let pair = try #require(RSAKeyPair.generate(bits: 2048))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rsa-kat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keyFile = directory.appendingPathComponent("key.pem")
        try Data(pair.privateKeyPEM.utf8).write(to: keyFile)
        let message = SecureRandom.bytes(512)
        let messageFile = directory.appendingPathComponent("message")
        try Data(message).write(to: messageFile)
        let signature = Array(try Self.run(["openssl", "dgst", "-sha256", "-sign", keyFile.path, messageFile.path]))
        let publicKey = try RSAPublicKey(sshBlob: pair.publicKeyBlob)
        #expect(publicKey.verify(signature, of: message))
        #expect(!publicKey.verify(signature, of: Array(message.dropLast())))
    }

    /// Builds `key` from each encoding, for tests that expect every one refused.
    static func attempts(_ key: CLIKey) -> [(String, () throws -> Void)] {
        [
            ("pem", { _ = try RSAPublicKey(pem: key.pem) }),
            ("der", { _ = try RSAPublicKey(der: key.der) }),
            ("parts", { _ = try RSAPublicKey(modulus: key.modulus, exponent: key.exponent) }),
            ("ssh", { _ = try RSAPublicKey(sshBlob: key.sshBlob) }),
        ]
    }
}

/// Just enough DER (X.690) to write a SubjectPublicKeyInfo with chosen RSA parameters.
enum DER {
    static func subjectPublicKeyInfo(modulus: [UInt8], exponent: [UInt8]) -> [UInt8] {
        let rsaEncryption: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00]
        let key = element(0x30, integer(modulus) + integer(exponent))
        return element(0x30, element(0x30, rsaEncryption) + element(0x03, [0x00] + key))
    }

    static func integer(_ magnitude: [UInt8]) -> [UInt8] {
        var bytes = Array(magnitude.drop { $0 == 0 })
        if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return element(0x02, bytes)
    }

    static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var n = content.count
            while n > 0 {
                length.insert(UInt8(n & 0xFF), at: 0)
                n >>= 8
            }
            length.insert(0x80 | UInt8(length.count), at: 0)
        }
        return [tag] + length + content
    }
}

import Crypto
import JSON

/// listSSHKeyPairs, createSSHKeyPair, registerSSHKeyPair, deleteSSHKeyPair.
enum SSHKeyPairCommands {
    static let all: [Command] = [list, create, register, delete]

    /// CloudStack's fingerprint: MD5 of the decoded public key blob, colon-separated lower-case hex.
    static func fingerprint(_ blob: [UInt8]) -> String {
        MD5.hash(blob).map { String($0, radix: 16).leftPad(2) }.joined(separator: ":")
    }

    /// Parses `ssh-rsa AAAA… comment`; nil unless the blob decodes and names the same key type.
    static func parsePublicKey(_ text: String) -> [UInt8]? {
        let parts = text.trimmingSpaces.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, let blob = Base64.decode(parts[1]), let fields = SSHWire.strings(blob),
            let type = fields.first, String(decoding: type, as: UTF8.self) == String(parts[0])
        else { return nil }
        let known = ["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
        guard known.contains(String(parts[0])), fields.count >= 2 else { return nil }
        return blob
    }

    static let list = Command(
        "listSSHKeyPairs",
        accepts: [
            "account", "domainid", "fingerprint", "id", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "projectid",
        ]
    ) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), name = call.string("name"), fingerprint = call.string("fingerprint")
        let pairs = world.keyPairs.filter { pair in
            guard query.includes(account: pair.accountID) else { return false }
            if let id, pair.id != id { return false }
            if let name, pair.name != name { return false }
            if let fingerprint, pair.fingerprint != fingerprint { return false }
            return query.matchesKeyword(pair.name)
        }
        query.write(pairs, item: "sshkeypair", into: &w) { pair, w in world.writeKeyPair(pair, into: &w) }
    }

    static func add(_ world: inout World, _ call: Call, publicKey: String, blob: [UInt8]) throws -> SSHKeyPair {
        let owner = try call.owner(in: world)
        let name = try call.required("name")
        if world.keyPairs.all.contains(where: { $0.accountID == owner.id && $0.name == name }) {
            throw APIError.invalid("A key pair with name '\(name)' already exists.")
        }
        let print = fingerprint(blob)
        if world.keyPairs.all.contains(where: { $0.accountID == owner.id && $0.fingerprint == print }) {
            throw APIError.invalid("A key pair with the same public key already exists.")
        }
        let pair = SSHKeyPair(id: world.ids.next(), name: name, accountID: owner.id, fingerprint: print, publicKey: publicKey)
        world.keyPairs[pair.id] = pair
        return pair
    }

    static let create = Command("createSSHKeyPair", required: ["name"], accepts: ["account", "domainid", "projectid"]) { world, call, w in
        guard let generated = call.generatedKey ?? RSAKeyPair.generate(bits: 2048) else {
            throw APIError.internalError("Failed to generate an RSA key pair")
        }
        let pair = try add(&world, call, publicKey: generated.openSSHPublicKey(), blob: generated.publicKeyBlob)
        w.beginObject()
        w.key("keypair")
        world.writeKeyPair(pair, privateKey: generated.privateKeyPEM, into: &w)
        w.endObject()
    }

    static let register = Command("registerSSHKeyPair", required: ["name", "publickey"], accepts: ["account", "domainid", "projectid"]) {
        world, call, w in
        let text = try call.required("publickey")
        guard let blob = parsePublicKey(text) else { throw APIError.invalid("Public key is invalid") }
        let pair = try add(&world, call, publicKey: text, blob: blob)
        w.beginObject()
        w.key("keypair")
        world.writeKeyPair(pair, into: &w)
        w.endObject()
    }

    static let delete = Command("deleteSSHKeyPair", required: ["name"], accepts: ["account", "domainid", "projectid"]) { world, call, w in
        let owner = try call.owner(in: world)
        let name = try call.required("name")
        guard let pair = world.keyPairs.all.first(where: { $0.accountID == owner.id && $0.name == name }) else {
            throw APIError.invalid("A key pair with name '\(name)' does not exist for account \(owner.name) in specified domain id")
        }
        world.keyPairs[pair.id] = nil
        w.beginObject()
        w.member("success", true)
        w.endObject()
    }
}

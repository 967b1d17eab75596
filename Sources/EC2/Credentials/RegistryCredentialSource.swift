public import CloudStack
import Crypto
import GRDB
public import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Key pairs registered by their owners (ec2stack's RegisterSecretKey), kept in SQLite with every
/// secret sealed by AES-256-GCM under a master key (base64 text), the access key id as associated data.
///
/// A pair is stored only after CloudStack accepts a call signed with it, so nobody can register a
/// key they do not hold (ec2stack stored anything, unauthenticated). Answers never echo the secret
/// and never tell whether a key was already registered.
public final class RegistryCredentialSource: CredentialSource {
    /// Why the registry could not be opened.
    public enum OpenError: Error, Sendable, CustomStringConvertible {
        /// The master key is not 32 bytes.
        case badMasterKey
        /// SQLite refused to open or migrate the file.
        case database(path: String, reason: String)
        /// A message for the operator; never contains key material.
        public var description: String {
            switch self {
            case .badMasterKey: "the registry master key must be 32 bytes"
            case .database(let path, let reason): "cannot open credential registry \(path): \(reason)"
            }
        }
    }

    private let queue: DatabaseQueue
    private let masterKey: [UInt8]
    private let client: CloudStackClient
    private let clock: Clock

    /// Opens (creating if needed) the registry at `path`; `":memory:"` keeps it in memory for tests.
    public init(path: String, masterKey: [UInt8], client: CloudStackClient, clock: Clock = .system) throws(OpenError) {
        guard masterKey.count == AEAD.keyLength else { throw .badMasterKey }
        self.masterKey = masterKey
        self.client = client
        self.clock = clock
        do {
            queue = path == ":memory:" ? try DatabaseQueue() : try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS secret_keys (
                            access_key_id TEXT PRIMARY KEY NOT NULL,
                            sealed_secret TEXT NOT NULL,
                            registered INTEGER NOT NULL)
                        """)
            }
        } catch {
            throw .database(path: path, reason: String(describing: type(of: error)))
        }
        // The secrets are sealed, but key ids and the row count are nobody else's business either.
        if path != ":memory:" { _ = chmod(path, 0o600) }
    }

    public func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        let sealed = try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT sealed_secret FROM secret_keys WHERE access_key_id = ?", arguments: [accessKeyID])
        }
        guard let sealed = sealed.flatMap({ Base64.decode($0) }),
            let secret = AEAD.open(sealed, key: masterKey, associatedData: Array(accessKeyID.utf8)),
            let text = String(validating: secret, as: UTF8.self)
        else { return nil }
        return CloudStackCredentials(apiKey: accessKeyID, secretKey: text)
    }

    /// Stores the pair after CloudStack accepted a call signed with it; `AuthFailure` otherwise.
    public func register(accessKeyID: String, secretKey: String) async throws(EC2Error) {
        try await verifyWithCloudStack(accessKeyID: accessKeyID, secretKey: secretKey)
        let sealed: [UInt8]
        do {
            sealed = try AEAD.seal(Array(secretKey.utf8), key: masterKey, associatedData: Array(accessKeyID.utf8))
        } catch {
            throw .internalError()
        }
        let now = clock.epochSeconds
        do {
            try await queue.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO secret_keys (access_key_id, sealed_secret, registered) VALUES (?, ?, ?)",
                    arguments: [accessKeyID, Base64.encode(sealed), now])
            }
        } catch {
            throw .internalError()
        }
    }

    /// Removes the pair if the caller proves to hold it (CloudStack accepts it, or it equals the
    /// stored secret); the answer is the same whether or not it was registered.
    public func remove(accessKeyID: String, secretKey: String) async throws(EC2Error) {
        var proven = false
        do {
            if let stored = try await credentials(forAccessKeyID: accessKeyID) {
                proven = ConstantTime.equals(Array(stored.secretKey.utf8), Array(secretKey.utf8))
            }
        } catch {
            throw .internalError()
        }
        if !proven { try await verifyWithCloudStack(accessKeyID: accessKeyID, secretKey: secretKey) }
        do {
            _ = try await queue.write { db in
                try db.execute(sql: "DELETE FROM secret_keys WHERE access_key_id = ?", arguments: [accessKeyID])
            }
        } catch {
            throw .internalError()
        }
    }

    /// How many pairs are registered.
    public func count() async throws -> Int {
        try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM secret_keys") ?? 0 }
    }

    /// The raw sealed bytes stored for a key, for tests that check nothing is stored in the clear.
    func sealedSecret(for accessKeyID: String) async throws -> [UInt8]? {
        try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT sealed_secret FROM secret_keys WHERE access_key_id = ?", arguments: [accessKeyID])
        }.flatMap { Base64.decode($0) }
    }

    // listZones is allowed to every role and changes nothing; a 401 means the pair is not genuine.
    private func verifyWithCloudStack(accessKeyID: String, secretKey: String) async throws(EC2Error) {
        guard !accessKeyID.isEmpty, !secretKey.isEmpty, accessKeyID.utf8.count <= 256, secretKey.utf8.count <= 256 else {
            throw .authFailure()
        }
        do {
            _ = try await client.call(
                CommandTable.listZones, ["pagesize": "1", "page": "1"], as: CloudStackCredentials(apiKey: accessKeyID, secretKey: secretKey)
            )
        } catch {
            if case .api(let failure) = error, failure.errorcode == 401 || failure.errorcode == 432 || failure.errorcode == 531 {
                throw .authFailure()
            }
            throw CloudStackErrorMapping.ec2Error(error, context: .none)
        }
    }
}

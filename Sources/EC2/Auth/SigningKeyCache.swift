import Synchronization

/// SigV4 signing keys by access key and credential scope.
///
/// A signing key is four chained HMACs of the secret, the date, the region and the service; it is
/// the same for every request a client signs that day, so deriving it once per day and key saves
/// four HMACs per request. An entry is used only while the secret it was derived from is still the
/// key's secret (a rotated secret derives anew).
final class SigningKeyCache: Sendable {
    private let entries = Mutex<[String: (secret: String, key: [UInt8])]>([:])
    private let capacity: Int

    /// Holds at most `capacity` keys; when full it starts over (scopes roll over daily anyway).
    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// The signing key of `credential`'s scope under `secret`.
    func key(for credential: SigV4Credential, secret: String) -> [UInt8] {
        let id = credential.accessKeyID + "/" + credential.date + "/" + credential.region + "/" + credential.service
        if let hit = entries.withLock({ $0[id] }), hit.secret == secret { return hit.key }
        let key = SignatureV4.signingKey(secret: secret, date: credential.date, region: credential.region, service: credential.service)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = (secret, key)
        }
        return key
    }

    /// How many keys are held (tests).
    var count: Int { entries.withLock { $0.count } }
}

public import CloudStack
public import Pipeline

/// Looks up a user's secret key in CloudStack itself with admin credentials: `getUser(userapikey)`
/// then `getUserKeys(id)`, only for enabled users of enabled accounts; answers are cached (known
/// keys for `ttl`, unknown ones for `negativeTTL`) so a request rarely costs a lookup.
///
/// CloudStack 4.18 no longer returns `secretkey` from getUser/listUsers; the root admin's
/// `getUserKeys` does (apache/cloudstack `GetUserKeysCmd`).
public struct CloudStackCredentialSource: CredentialSource {
    private let cache: CredentialCache

    /// Creates a source calling CloudStack through `client` as `adminCredentials`.
    public init(
        client: CloudStackClient, adminCredentials: CloudStackCredentials, ttl: Int64 = 300, negativeTTL: Int64 = 30,
        clock: Clock = .system
    ) {
        cache = CredentialCache(
            CloudStackKeyLookup(client: client, admin: adminCredentials), ttl: ttl, negativeTTL: negativeTTL, clock: clock)
    }

    public func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        try await cache.credentials(forAccessKeyID: accessKeyID)
    }

    /// Forgets a key, e.g. after its user's keys were regenerated.
    public func invalidate(_ accessKeyID: String) { cache.invalidate(accessKeyID) }
}

/// The uncached lookup behind `CloudStackCredentialSource`.
struct CloudStackKeyLookup: CredentialSource {
    let client: CloudStackClient
    let admin: CloudStackCredentials

    func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        // API keys are URL-safe base64 of fixed length; anything else cannot be one, so no lookup.
        guard !accessKeyID.isEmpty, accessKeyID.utf8.count <= 256,
            accessKeyID.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "=") })
        else { return nil }
        let user: User
        do {
            user = try await client.call(CommandTable.getUser, ["userapikey": accessKeyID], as: admin)
        } catch {
            // 431: no user has this key. Anything else (admin keys refused, CloudStack down) is a failure to answer.
            if case .api(let failure) = error, failure.errorcode == 431 { return nil }
            throw error
        }
        guard let userID = user.id, user.apikey == nil || user.apikey == accessKeyID,
            user.state?.lowercased() == "enabled"
        else { return nil }
        if let accountID = user.accountid {
            let accounts = try await client.listAll(CommandTable.listAccounts, ["id": accountID, "listall": "true"], as: admin)
            guard let account = accounts.first, account.state?.lowercased() == "enabled" else { return nil }
        }
        let keys = try await client.call(CommandTable.getUserKeys, ["id": userID], as: admin)
        guard keys.apikey == nil || keys.apikey == accessKeyID, let secret = keys.secretkey, !secret.isEmpty else { return nil }
        return CloudStackCredentials(apiKey: accessKeyID, secretKey: secret)
    }
}

import CloudStack
import Crypto

/// Revocations recorded in CloudStack itself, so that every bridge instance learns of them without a shared
/// database: a tag `gce-revoked-<grant id>` on the account's `default` security group, written with the revoked
/// token's own key pair. Instances check it whenever a grant is renewed (refresh and JWT-bearer exchanges),
/// which also re-check the pair; live access tokens are refused at once only where the revocation arrived.
struct SharedRevocations: Sendable {
    let client: CloudStackClient

    static func tagKey(_ grantID: [UInt8]) -> String { "gce-revoked-" + Hex.encode(grantID) }

    /// Records a revocation; best effort (the local list already refuses the grant here).
    func record(_ claims: TokenClaims, until: Int64) async {
        let credentials = CloudStackCredentials(apiKey: claims.apiKey, secretKey: claims.secretKey)
        guard
            let group = try? await client.listAll(CommandTable.listSecurityGroups, ["securitygroupname": "default"], as: credentials).first,
            let groupID = group.id
        else { return }
        var parameters: Parameters = ["resourceids": groupID, "resourcetype": "SecurityGroup"]
        parameters.setTags([(Self.tagKey(claims.grantID), String(until))])
        // createTags is a job: wait for it, so the revocation is visible before the answer says it happened.
        if let receipt = try? await client.call(CommandTable.createTags, parameters, as: credentials) {
            _ = try? await client.awaitJob(receipt.jobid, as: credentials)
        }
    }

    /// Whether another instance recorded a revocation of this grant.
    func isRevoked(_ claims: TokenClaims) async throws(OAuthError) -> Bool {
        let credentials = CloudStackCredentials(apiKey: claims.apiKey, secretKey: claims.secretKey)
        do {
            let tags = try await client.listAll(
                CommandTable.listTags, ["resourcetype": "SecurityGroup", "key": Self.tagKey(claims.grantID)], as: credentials)
            return !tags.isEmpty
        } catch {
            throw OAuthError(status: 503, code: "temporarily_unavailable", detail: "CloudStack could not check the grant")
        }
    }
}

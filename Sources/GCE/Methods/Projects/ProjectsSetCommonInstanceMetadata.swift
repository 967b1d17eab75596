import CloudStack
import Pipeline

/// `compute.projects.setCommonInstanceMetadata` [registerSSHKeyPair, deleteSSHKeyPair, deleteTags, createTags].
///
/// `ssh-keys` lines become key pairs `gce-p-<hash>` that every later instance receives; key pairs of lines no
/// longer present are deleted. All items are kept as tags on the account's `default` security group, since
/// CloudStack has no project metadata.
enum ProjectsSetCommonInstanceMetadata: GCEMethod {
    static let id = "compute.projects.setCommonInstanceMetadata"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/setCommonInstanceMetadata"

    /// The `Metadata` body.
    struct Input: Sendable {
        let fingerprint: String?
        let items: [(key: String, value: String)]
        let sshKeys: SSHKeys
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let body = try request.json().requireObject()
        let items = try body.metadataItems(at: "metadata")
        return Input(fingerprint: try body.string("fingerprint", at: "fingerprint"), items: items, sshKeys: try SSHKeys(items: items))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let account = try await context.account()
        guard let group = try await context.metadataHolder(account, create: true) else { throw GCEError.backend("no security group") }
        let current = MetadataTags.metadata(group.tags, prefix: MetadataTags.projectPrefix)
        try context.checkFingerprint(input.fingerprint, current: current.fingerprint, what: "metadata")
        let kept = try await context.registerKeys(input.sshKeys, prefix: "gce-p-")
        for stale in try await context.projectKeyPairs() where !kept.contains(stale) {
            _ = try await context.call(CommandTable.deleteSSHKeyPair, ["name": stale])
        }
        let job = try await context.replaceTags(
            on: group.id ?? "", type: "SecurityGroup", oldKeys: MetadataTags.metadataKeys(group.tags, prefix: MetadataTags.projectPrefix),
            newTags: MetadataTags.tags(for: input.items, prefix: MetadataTags.projectPrefix))
        let target = account.id ?? ""
        guard let job else { return context.done(.setCommonInstanceMetadata, target: target, scope: .global, targetName: context.project) }
        return context.started(.setCommonInstanceMetadata, job: job, target: target, scope: .global, targetName: context.project)
    }
}

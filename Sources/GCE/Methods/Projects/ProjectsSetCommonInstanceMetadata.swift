import CloudStack

/// `compute.projects.setCommonInstanceMetadata` [registerSSHKeyPair, deleteSSHKeyPair, deleteTags, createTags].
///
/// `ssh-keys` lines become key pairs `gce-p-<hash>` that every later instance receives; key pairs of lines no
/// longer present are deleted. All items are kept as tags on the account's `default` security group, since
/// CloudStack has no project metadata.
enum ProjectsSetCommonInstanceMetadata {
    static let method = Method("compute.projects.setCommonInstanceMetadata", .post, "projects/{project}/setCommonInstanceMetadata") {
        call in
        let account = try await call.account()
        guard let group = try await call.metadataHolder(account, create: true) else { throw GCEError.backend("no security group") }
        let current = MetadataTags.metadata(group.tags, prefix: MetadataTags.projectPrefix)
        let body = try BodyValue.parse(call.body)
        try call.checkFingerprint(body["fingerprint"]?.string, current: current.fingerprint, what: "metadata")
        let items = body.metadataItems
        let kept = try await call.registerKeys(items.first { $0.key == "ssh-keys" }?.value ?? "", prefix: "gce-p-")
        for stale in try await call.projectKeyPairs() where !kept.contains(stale) {
            _ = try await call.call(CommandTable.deleteSSHKeyPair, ["name": stale])
        }
        let job = try await call.replaceTags(
            on: group.id ?? "", type: "SecurityGroup", oldKeys: MetadataTags.metadataKeys(group.tags, prefix: MetadataTags.projectPrefix),
            newTags: MetadataTags.tags(for: items, prefix: MetadataTags.projectPrefix))
        let target = account.id ?? ""
        guard let job else { return call.done(.setCommonInstanceMetadata, target: target, scope: .global, targetName: call.project).json }
        return call.started(.setCommonInstanceMetadata, job: job, target: target, scope: .global, targetName: call.project).json
    }
}

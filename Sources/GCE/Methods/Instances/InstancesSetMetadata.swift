import CloudStack
import Crypto

/// `compute.instances.setMetadata` [deleteTags, createTags; updateVirtualMachine userdata; registerSSHKeyPair].
///
/// Items are kept as tags (see `MetadataTags`); `user-data`/`startup-script` also become the VM's user data, and
/// `ssh-keys` lines are registered as key pairs (CloudStack applies key pairs at deploy or reset only).
enum InstancesSetMetadata {
    static let method = Method(
        "compute.instances.setMetadata", .post,
        "projects/{project}/zones/{zone}/instances/{instance}/setMetadata"
    ) { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let body = try BodyValue.parse(call.body)
        let current = MetadataTags.metadata(vm.row.tags, prefix: MetadataTags.instancePrefix)
        try call.checkFingerprint(body["fingerprint"]?.string, current: current.fingerprint, what: "metadata")
        let items = body.metadataItems
        if let userData = items.first(where: { $0.key == "user-data" || $0.key == "startup-script" })?.value {
            _ = try await call.call(
                CommandTable.updateVirtualMachine, ["id": vm.row.id ?? "", "userdata": Base64.encode(Array(userData.utf8))])
        }
        if let keys = items.first(where: { $0.key == "ssh-keys" })?.value {
            _ = try await call.registerKeys(keys, prefix: "gce-i-")
        }
        let job = try await call.replaceTags(
            on: vm.row.id ?? "", type: "UserVm", oldKeys: MetadataTags.metadataKeys(vm.row.tags, prefix: MetadataTags.instancePrefix),
            newTags: MetadataTags.tags(for: items, prefix: MetadataTags.instancePrefix))
        guard let job else { return call.done(.setMetadata, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json }
        return call.started(.setMetadata, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}

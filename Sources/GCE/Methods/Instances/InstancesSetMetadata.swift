import CloudStack
import Crypto
import Pipeline

/// `compute.instances.setMetadata` [deleteTags, createTags; updateVirtualMachine userdata; registerSSHKeyPair].
///
/// Items are kept as tags (see `MetadataTags`); `user-data`/`startup-script` also become the VM's user data, and
/// `ssh-keys` lines are registered as key pairs (CloudStack applies key pairs at deploy or reset only).
enum InstancesSetMetadata: GCEMethod {
    static let id = "compute.instances.setMetadata"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setMetadata"

    /// The instance and the `Metadata` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let fingerprint: String?
        let items: [(key: String, value: String)]
        let sshKeys: SSHKeys
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        let items = try body.metadataItems(at: "metadata")
        return Input(
            target: target, fingerprint: try body.string("fingerprint", at: "fingerprint"), items: items,
            sshKeys: try SSHKeys(items: items))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let current = MetadataTags.metadata(vm.row.tags, prefix: MetadataTags.instancePrefix)
        try context.checkFingerprint(input.fingerprint, current: current.fingerprint, what: "metadata")
        if let userData = input.items.first(where: { $0.key == "user-data" || $0.key == "startup-script" })?.value {
            _ = try await context.call(
                CommandTable.updateVirtualMachine, ["id": vm.row.id ?? "", "userdata": Base64.encode(Array(userData.utf8))])
        }
        _ = try await context.registerKeys(input.sshKeys, prefix: "gce-i-")
        let job = try await context.replaceTags(
            on: vm.row.id ?? "", type: "UserVm", oldKeys: MetadataTags.metadataKeys(vm.row.tags, prefix: MetadataTags.instancePrefix),
            newTags: MetadataTags.tags(for: input.items, prefix: MetadataTags.instancePrefix))
        guard let job else { return context.done(.setMetadata, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name) }
        return context.started(.setMetadata, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instances.setTags` [deleteTags, createTags; updateVirtualMachine securitygroupids in a security-group
/// zone, stopped VMs only]: network tags are kept in the `gce-tags` tag.
enum InstancesSetTags: GCEMethod {
    static let id = "compute.instances.setTags"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setTags"

    /// The instance and the `Tags` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let fingerprint: String?
        let items: [String]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        let items = try body.strings("items", at: "resource.tags.items")
        try NetworkTags.validate(items)
        return Input(target: target, fingerprint: try body.string("fingerprint", at: "fingerprint"), items: items)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let current = MetadataTags.networkTags(vm.row.tags)
        try context.checkFingerprint(input.fingerprint, current: Fingerprint.of(current), what: "tags")
        try await context.moveTagSecurityGroups(vm, zone: zone, from: current, to: input.items)
        let old = vm.row.tags.contains { $0.key == "gce-tags" } ? ["gce-tags"] : []
        let job = try await context.replaceTags(
            on: vm.row.id ?? "", type: "UserVm", oldKeys: old,
            newTags: input.items.isEmpty ? [] : [("gce-tags", input.items.joined(separator: ","))])
        guard let job else { return context.done(.setTags, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name) }
        return context.started(.setTags, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

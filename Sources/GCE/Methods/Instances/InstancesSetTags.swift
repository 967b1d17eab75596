import CloudStack

/// `compute.instances.setTags` [deleteTags, createTags]: network tags are kept in the `gce-tags` tag.
enum InstancesSetTags {
    static let method = Method(
        "compute.instances.setTags", .post,
        "projects/{project}/zones/{zone}/instances/{instance}/setTags"
    ) { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let body = try BodyValue.parse(call.body)
        let current = MetadataTags.networkTags(vm.row.tags)
        try call.checkFingerprint(body["fingerprint"]?.string, current: Fingerprint.of(current), what: "tags")
        let items = body["items"]?.array.compactMap(\.string) ?? []
        for tag in items where !ResourceNames.isValid(tag) {
            throw GCEError.invalid("Invalid value for field 'resource.tags.items': '\(tag)'")
        }
        let old = vm.row.tags.contains { $0.key == "gce-tags" } ? ["gce-tags"] : []
        let job = try await call.replaceTags(
            on: vm.row.id ?? "", type: "UserVm", oldKeys: old,
            newTags: items.isEmpty ? [] : [("gce-tags", items.joined(separator: ","))])
        guard let job else { return call.done(.setTags, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json }
        return call.started(.setTags, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}

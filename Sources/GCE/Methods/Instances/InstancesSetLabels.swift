import CloudStack

/// `compute.instances.setLabels` [deleteTags, createTags]: labels are the VM's plain CloudStack tags.
enum InstancesSetLabels {
    static let method = Method(
        "compute.instances.setLabels", .post,
        "projects/{project}/zones/{zone}/instances/{instance}/setLabels"
    ) { call in
        let zone = try await call.zone()
        let vm = try await call.instance(in: zone)
        let body = try BodyValue.parse(call.body)
        let current = MetadataTags.labels(vm.row.tags)
        try call.checkFingerprint(
            body["labelFingerprint"]?.string, current: Fingerprint.of(pairs: current),
            what: "label")
        let labels = body["labels"]?.labelPairs ?? []
        try Labels.validate(labels)
        let job = try await call.replaceTags(on: vm.row.id ?? "", type: "UserVm", oldKeys: current.map(\.key), newTags: labels)
        guard let job else { return call.done(.setLabels, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json }
        return call.started(.setLabels, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name).json
    }
}

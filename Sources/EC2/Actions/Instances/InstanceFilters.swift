import CloudStack

/// The DescribeInstances filter names (EC2 API reference), evaluated on instance views.
enum InstanceFilters {
    /// The listVirtualMachines parameters for the exact single-valued filters CloudStack can apply
    /// itself; each only narrows what comes back (every filter still runs on the result). `nil`
    /// when a filter can match nothing (a zone that does not exist).
    static func pushdown(_ filters: FilterSet<InstanceView>, in context: ActionContext) async throws(EC2Error) -> Parameters? {
        func single(_ name: String) -> String? { filters.pushdownValues(name).flatMap { $0.count == 1 ? $0[0] : nil } }
        func uuid(_ name: String, _ kind: ResourceKind) -> String? {
            single(name).flatMap { try? EC2ID.parse($0, as: kind).cloudStackUUID }
        }
        var parameters = Parameters()
        if case let tags = context.tagPushdown(filters), !tags.isEmpty { parameters.setTags(tags) }
        if let name = single("key-name") { parameters["keypair"] = name }
        if let id = uuid("image-id", .image) { parameters["templateid"] = id }
        if let id = uuid("vpc-id", .vpc) { parameters["vpcid"] = id }
        if let id = uuid("subnet-id", .subnet) { parameters["networkid"] = id }
        if let id = uuid("group-id", .securityGroup) { parameters["securitygroupid"] = id }
        if let state = single("instance-state-name"), case let states = InstanceStateMapping.cloudStackStates(state), states.count == 1 {
            parameters["state"] = states[0]
        }
        if let zone = single("availability-zone") {
            guard let id = try await context.zones().first(where: { $0.name == zone })?.id else {
                return nil
            }
            parameters["zoneid"] = id
        }
        return parameters
    }

    /// Filters EC2 documents for things CloudStack VMs never have (spot, IAM profiles, placement
    /// groups, kernels): accepted, and they match nothing.
    static let alwaysEmpty = [
        "platform", "instance-lifecycle", "kernel-id", "ramdisk-id", "placement-group-name", "iam-instance-profile.arn",
        "spot-instance-request-id", "product-code", "product-code.type", "reason", "state-reason-code", "state-reason-message",
        "requester-id", "capacity-reservation-id", "host-id", "affinity", "outpost-arn", "elastic-gpu-association-id",
    ]

    static let table = FilterTable<InstanceView>(
        Dictionary(uniqueKeysWithValues: alwaysEmpty.map { ($0, FilterTable<InstanceView>.Field { _ in [] }) }).merging([
            "instance-id": .init(pushdown: true) { [$0.instanceId] },
            "instance-state-name": .init(pushdown: true) { [$0.instanceState.name] },
            "instance-state-code": .init { [String($0.instanceState.code)] },
            "instance-type": .init { [$0.instanceType] },
            "availability-zone": .init(pushdown: true) { [$0.placement.availabilityZone] },
            "image-id": .init(pushdown: true) { [$0.imageId] },
            "key-name": .init(pushdown: true) { $0.keyName.map { [$0] } ?? [] },
            "ip-address": .init { $0.ipAddress.map { [$0] } ?? [] },
            "private-ip-address": .init { $0.privateIpAddress.map { [$0] } ?? [] },
            "dns-name": .init { [$0.dnsName] },
            "private-dns-name": .init { [$0.privateDnsName] },
            "vpc-id": .init(pushdown: true) { $0.vpcId.map { [$0] } ?? [] },
            "subnet-id": .init(pushdown: true) { $0.subnetId.map { [$0] } ?? [] },
            "group-id": .init(pushdown: true) { $0.groupSet.map(\.groupId) },
            "group-name": .init { $0.groupSet.map(\.groupName) },
            "instance.group-id": .init { $0.groupSet.map(\.groupId) },
            "instance.group-name": .init { $0.groupSet.map(\.groupName) },
            "reservation-id": .init { [$0.reservationId] },
            "owner-id": .init { [$0.ownerId] },
            "client-token": .init { $0.clientToken.map { [$0] } ?? [] },
            "launch-time": .init { [$0.launchTime] },
            "architecture": .init { [$0.architecture] },
            "root-device-type": .init { [$0.rootDeviceType] },
            "root-device-name": .init { $0.rootDeviceName.map { [$0] } ?? [] },
            "hypervisor": .init { [$0.hypervisor] },
            "virtualization-type": .init { [$0.virtualizationType] },
            "tenancy": .init { [$0.placement.tenancy] },
            "monitoring-state": .init { [$0.monitoring.state] },
            "ami-launch-index": .init { [String($0.amiLaunchIndex)] },
            "block-device-mapping.device-name": .init { $0.blockDeviceMapping.map(\.deviceName) },
            "block-device-mapping.volume-id": .init { $0.blockDeviceMapping.compactMap { $0.ebs?.volumeId } },
            "block-device-mapping.status": .init { $0.blockDeviceMapping.compactMap { $0.ebs?.status } },
            "network-interface.addresses.private-ip-address": .init { $0.privateIpAddress.map { [$0] } ?? [] },
            "network-interface.subnet-id": .init { $0.subnetId.map { [$0] } ?? [] },
            "network-interface.vpc-id": .init { $0.vpcId.map { [$0] } ?? [] },
            "network-interface.group-id": .init { $0.groupSet.map(\.groupId) },
            "network-interface.group-name": .init { $0.groupSet.map(\.groupName) },
        ]) { _, known in known },
        tags: { $0.tagSet.map { ($0.key, $0.value) } }, tagPushdown: true)
}

/// The DescribeInstances filter names (EC2 API reference), evaluated on instance views.
enum InstanceFilters {
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
            "instance-state-name": .init { [$0.instanceState.name] },
            "instance-state-code": .init { [String($0.instanceState.code)] },
            "instance-type": .init { [$0.instanceType] },
            "availability-zone": .init { [$0.placement.availabilityZone] },
            "image-id": .init { [$0.imageId] },
            "key-name": .init { $0.keyName.map { [$0] } ?? [] },
            "ip-address": .init { $0.ipAddress.map { [$0] } ?? [] },
            "private-ip-address": .init { $0.privateIpAddress.map { [$0] } ?? [] },
            "dns-name": .init { [$0.dnsName] },
            "private-dns-name": .init { [$0.privateDnsName] },
            "vpc-id": .init { $0.vpcId.map { [$0] } ?? [] },
            "subnet-id": .init { $0.subnetId.map { [$0] } ?? [] },
            "group-id": .init { $0.groupSet.map(\.groupId) },
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

import CloudStack

/// Builds EC2 instance views from CloudStack VMs (and their root volumes).
enum InstanceMapping {
    /// The view of `vm`; `nil` for a row without a usable id.
    static func view(
        _ vm: VirtualMachine, rootDevice: InstanceBlockDeviceMappingView?, dataDevices: [InstanceBlockDeviceMappingView] = [],
        names: InstanceTypeNames, launchIndex: Int = 0
    ) -> InstanceView? {
        guard let uuid = vm.id, let id = EC2ID(kind: .instance, cloudStackUUID: uuid) else { return nil }
        let nic = vm.nic.first { $0.isdefault == true } ?? vm.nic.first
        let tags = TagMapping.views(vm.tags)
        let reservation =
            vm.tags.first { $0.key == InternalTags.reservation }?.value
            ?? ResourceKind.reservation.prefix + id.hex
        let groups = NetworkInterfaceMapping.groupViews(vm)
        let privateIP = nic?.ipaddress
        let launch = CloudStackTime.ec2(vm.created)
        let devices = (rootDevice.map { [$0] } ?? []) + dataDevices
        return InstanceView(
            instanceId: id.description,
            // An image CreateImage made from a snapshot keeps the id it was answered with (a VM tag).
            imageId: vm.tags.first { $0.key == InternalTags.imageID }?.value
                ?? vm.templateid.flatMap { EC2ID(kind: .image, cloudStackUUID: $0)?.description } ?? "",
            instanceState: InstanceStateMapping.ec2State(vm.state),
            privateDnsName: vm.name ?? "",
            dnsName: vm.publicip ?? "",
            reason: "",
            keyName: vm.keypairs.flatMap { $0.split(separator: ",").first.map(String.init) },
            amiLaunchIndex: launchIndex,
            instanceType: names.name(offeringID: vm.serviceofferingid, offeringName: vm.serviceofferingname),
            launchTime: launch,
            placement: PlacementView(
                availabilityZone: vm.zonename ?? "",
                groupName: vm.affinitygroup.first { $0.type.map { PlacementGroupView.strategies[$0] != nil } ?? false }?.name,
                tenancy: "default"),
            subnetId: nic?.networkid.flatMap { EC2ID(kind: .subnet, cloudStackUUID: $0)?.description },
            vpcId: nic.map(NetworkInterfaceMapping.vpcID(of:)),
            privateIpAddress: privateIP,
            ipAddress: vm.publicip,
            groupSet: groups,
            blockDeviceMapping: devices,
            tagSet: tags,
            networkInterfaceSet: NetworkInterfaceMapping.views(vm, groups: groups),
            reservationId: reservation,
            ownerId: vm.account ?? "",
            clientToken: vm.tags.first { $0.key == InternalTags.clientToken }?.value,
            cloudStackState: vm.state ?? "")
    }

    /// The block device entry of a root volume (CloudStack records no attach time; its creation is the nearest).
    static func rootDevice(_ volume: Volume) -> InstanceBlockDeviceMappingView? {
        guard let volumeID = volume.id.flatMap({ EC2ID(kind: .volume, cloudStackUUID: $0) }) else { return nil }
        return rootDevice(volumeID: volumeID.description, attachTime: CloudStackTime.ec2(volume.created))
    }

    /// The root device entry of volume `volumeID` (its EC2 id), attached at `attachTime` (EC2's form).
    static func rootDevice(volumeID: String, attachTime: String) -> InstanceBlockDeviceMappingView {
        InstanceBlockDeviceMappingView(
            deviceName: RootDevice.name,
            ebs: EbsInstanceBlockDeviceView(volumeId: volumeID, status: "attached", attachTime: attachTime, deleteOnTermination: true))
    }
}

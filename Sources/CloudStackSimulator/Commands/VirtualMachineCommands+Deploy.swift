import JSON

extension VirtualMachineCommands {
    /// deployVirtualMachine: the VM row, ROOT volume and NICs are created at once (async create),
    /// then the job takes the VM Stopped -> Starting -> Running (or leaves it Stopped with startvm=false).
    static let deploy = Command(
        "deployVirtualMachine", async: true,
        required: ["serviceofferingid", "templateid", "zoneid"],
        accepts: [
            "account", "domainid", "name", "displayname", "networkids", "securitygroupids", "securitygroupnames",
            "keypair", "keypairs", "userdata", "startvm", "details", "rootdisksize", "size", "diskofferingid", "group",
            "ipaddress", "hypervisor", "iptonetworklist", "overridediskofferingid", "affinitygroupids", "affinitygroupnames",
        ]
    ) { world, call, w in
        let offering = try call.requiredEntity(world.serviceOfferings, "serviceofferingid")
        let template = try call.requiredEntity(world.templates, "templateid")
        let zone = try call.requiredEntity(world.zones, "zoneid")
        let owner = try call.owner(in: world)
        guard template.isReady else {
            throw APIError.invalid("Template \(template.id) has not been completely downloaded to zone \(zone.id)")
        }
        if template.accountID != owner.id && !template.isPublic && !template.permittedAccounts.contains(owner.name) && !call.caller.isAdmin
        {
            throw APIError.permission(
                "Acct[\(owner.id)-\(owner.name)] does not have permission to operate with resource VMTemplate \(template.id)")
        }
        let sizes = try ScaleCommands.sizes(offering, call)
        let (cpu, speed, memory) = (sizes.cpu, sizes.speed, sizes.memory)
        var networkIDs: [String] = []
        for networkID in call.list("networkids") ?? [] {
            guard let network = world.networks[networkID] else { throw APIError.invalidUUID(call.name, "networkids", networkID) }
            if let owner = network.accountID { try call.checkAccess(owner, resource: "Network \(network.id)") }
            guard network.zoneID == zone.id else {
                throw APIError.invalid("Network id=\(network.id) doesn't belong to zone \(zone.id)")
            }
            guard !networkIDs.contains(network.id) else {
                throw APIError.invalid("Network id=\(network.id) is specified more than once")
            }
            networkIDs.append(network.id)
        }
        var groupIDs = call.list("securitygroupids") ?? []
        for groupID in groupIDs {
            guard let group = world.securityGroups[groupID] else { throw APIError.invalidUUID(call.name, "securitygroupids", groupID) }
            try call.checkAccess(group.accountID, resource: "SecurityGroup \(group.id)")
        }
        for groupName in call.list("securitygroupnames") ?? [] {
            guard let group = world.securityGroups.all.first(where: { $0.accountID == owner.id && $0.name == groupName }) else {
                throw APIError.invalid("Unable to find group by name \(groupName)")
            }
            groupIDs.append(group.id)
        }
        if !groupIDs.isEmpty && !zone.securityGroupsEnabled {
            throw APIError.invalid("Can't create vm with security groups; security group feature is not enabled per zone")
        }
        var keyPairs: [String] = []
        for name in (call.list("keypairs") ?? []) + (call.string("keypair").map { [$0] } ?? []) where !keyPairs.contains(name) {
            guard world.keyPairs.all.contains(where: { $0.accountID == owner.id && $0.name == name }) else {
                throw APIError.invalid("A key pair with name '\(name)' was not found.")
            }
            keyPairs.append(name)
        }
        let userData = call.string("userdata")
        if let userData { try UserData.validate(userData) }
        let startVM = call.bool("startvm") ?? true
        // 4.18: the root volume gets this disk offering instead of the one the service offering maps.
        let rootOffering = try call.entity(world.diskOfferings, "overridediskofferingid")
        let placement = try deployNetworks(call, world: &world, networkIDs: networkIDs, owner: owner, zone: zone)
        networkIDs = placement.networks
        let affinityGroups = try deployAffinityGroups(call, world: world, owner: owner)
        var vm = world.createVirtualMachine(
            caller: call.caller, owner: owner, zone: zone, template: template, offering: offering, cpu: cpu, speed: speed,
            memory: memory, name: call.string("name"), displayName: call.string("displayname"), networkIDs: networkIDs,
            securityGroupIDs: groupIDs, keyPairs: keyPairs, userData: userData, rootSize: try call.sizeInBytes("rootdisksize"),
            now: call.nowSeconds, addresses: placement.addresses)
        if let group = call.string("group") { try world.join(&vm, group: group, now: call.nowSeconds) }
        if let rootOffering, let root = world.volumes.ids(where: { $0.virtualMachineID == vm.id && $0.type == "ROOT" }).first {
            world.volumes[root]?.diskOfferingID = rootOffering.id
        }
        for group in affinityGroups { world.affinityGroups[group]?.virtualMachineIDs.append(vm.id) }
        vm.details = sizes.details
        let password = template.passwordEnabled ? world.nextPassword() : nil
        vm.password = password
        if let diskOffering = try call.entity(world.diskOfferings, "diskofferingid") {
            let size = diskOffering.isCustomized ? (try call.sizeInBytes("size") ?? 1 << 30) : diskOffering.diskSizeGB << 30
            let volumeID = world.ids.next()
            world.volumes[volumeID] = Volume(
                id: volumeID, name: "DATA-" + String(vm.number), accountID: owner.id, zoneID: zone.id, type: "DATADISK",
                size: size, state: "Allocated", diskOfferingID: diskOffering.id, virtualMachineID: vm.id, deviceID: 1,
                attached: call.nowSeconds, created: call.nowSeconds)
        }
        let vmID = vm.id
        let jobID = call.startJob(
            &world, into: &w, instanceType: "VirtualMachine", instanceID: vmID, createdID: vmID,
            begin: { world in if startVM { world.setState("Starting", vm: vmID) } },
            finish: { world, _ in
                if startVM { world.setState("Running", vm: vmID) }
                guard let vm = world.virtualMachines[vmID] else { throw APIError.internalError("VM \(vmID) is gone") }
                return jobResult("virtualmachine") { world.writeVirtualMachine(vm, password: password, into: &$0) }
            })
        vm.pendingJobID = jobID
        world.virtualMachines[vmID] = vm
    }
}

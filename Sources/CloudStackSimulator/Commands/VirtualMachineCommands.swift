import JSON

/// listVirtualMachines, deployVirtualMachine, start/stop/reboot/destroy/expunge/recover, update, getVMPassword.
enum VirtualMachineCommands {
    static let all: [Command] = [list, deploy, start, stop, reboot, destroy, expunge, recover, update, getPassword]

    /// Looks up a VM by a UUID parameter and checks the caller may operate on it.
    static func owned(_ world: World, _ call: Call, _ name: String = "id") throws -> VirtualMachine {
        let vm = try call.requiredEntity(world.virtualMachines, name)
        try call.checkAccess(vm.accountID, resource: "VM instance {\"uuid\":\"\(vm.id)\"}")
        return vm
    }

    static let list = Command("listVirtualMachines", accepts: [
        "account", "domainid", "id", "ids", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "state",
        "tags", "templateid", "userdata", "zoneid", "networkid", "serviceofferingid", "keypair", "securitygroupid",
        "vpcid", "details", "displayvm", "hypervisor", "forvirtualnetwork", "groupid", "userid",
    ]) { world, call, w in
        let query = try ListQuery(call, world: world)
        let id = call.string("id"), ids = call.list("ids").map(Set.init), name = call.string("name")
        let state = call.string("state")?.lowercased(), zoneID = call.string("zoneid")
        let templateID = call.string("templateid"), networkID = call.string("networkid")
        let offeringID = call.string("serviceofferingid"), keyPair = call.string("keypair")
        let groupID = call.string("securitygroupid"), vpcID = call.string("vpcid")
        let hideDestroyed = !call.caller.isAdmin
        let vms = world.virtualMachines.ids { vm in
            guard query.includes(account: vm.accountID) else { return false }
            if hideDestroyed && (vm.state == "Destroyed" || vm.state == "Expunging") { return false }
            if let id, vm.id != id { return false }
            if let ids, !ids.contains(vm.id) { return false }
            if let name, vm.name != name { return false }
            if let state {
                if state == "present" {
                    if vm.state == "Destroyed" || vm.state == "Expunging" { return false }
                } else if vm.state.lowercased() != state { return false }
            }
            if let zoneID, vm.zoneID != zoneID { return false }
            if let templateID, vm.templateID != templateID { return false }
            if let offeringID, vm.serviceOfferingID != offeringID { return false }
            if let networkID, !vm.nics.contains(where: { $0.networkID == networkID }) { return false }
            if let vpcID, !vm.nics.contains(where: { world.networks[$0.networkID]?.vpcID == vpcID }) { return false }
            if let keyPair, !vm.keyPairs.contains(keyPair) { return false }
            if let groupID, !vm.securityGroupIDs.contains(groupID) { return false }
            return query.matchesKeyword(vm.name, vm.displayName) && query.matchesTags(world.tags(of: vm.id))
        }
        let withUserData = call.bool("userdata") == true
        query.write(vms, item: "virtualmachine", into: &w) { id, w in
            if let cached = world.virtualMachineJSON[id], cached.revision == world.revision, !withUserData {
                w.raw(cached.bytes)
                return
            }
            guard let vm = world.virtualMachines[id] else { return }
            if withUserData {
                world.writeVirtualMachine(vm, userData: true, into: &w)
            } else {
                // Items are cached until the next state change: repeated lists (benchmarks, pollers) only copy bytes.
                var item = JSONWriter(reservingCapacity: 2560)
                world.writeVirtualMachine(vm, into: &item)
                let bytes = item.take()
                world.virtualMachineJSON[vm.id] = (world.revision, bytes)
                w.raw(bytes)
            }
        }
    }

    static let deploy = Command("deployVirtualMachine", async: true,
        required: ["serviceofferingid", "templateid", "zoneid"],
        accepts: ["account", "domainid", "name", "displayname", "networkids", "securitygroupids", "securitygroupnames",
                  "keypair", "keypairs", "userdata", "startvm", "details", "rootdisksize", "size", "diskofferingid", "group",
                  "ipaddress", "hypervisor"]) { world, call, w in
        let offering = try call.requiredEntity(world.serviceOfferings, "serviceofferingid")
        let template = try call.requiredEntity(world.templates, "templateid")
        let zone = try call.requiredEntity(world.zones, "zoneid")
        let owner = try call.owner(in: world)
        guard template.isReady else { throw APIError.invalid("Template \(template.id) has not been completely downloaded to zone \(zone.id)") }
        if template.accountID != owner.id && !template.isPublic && !template.permittedAccounts.contains(owner.name) && !call.caller.isAdmin {
            throw APIError.permission("Acct[\(owner.id)-\(owner.name)] does not have permission to operate with resource VMTemplate \(template.id)")
        }
        var cpu = offering.cpuNumber ?? 0, speed = offering.cpuSpeed ?? 0, memory = offering.memory ?? 0
        if offering.isCustomized {
            let details = call.map("details").first ?? [:]
            guard let c = details["cpunumber"].flatMap({ Int($0) }), let m = details["memory"].flatMap({ Int($0) }) else {
                throw APIError.invalid("Need to specify custom parameter values cpu, cpu speed and memory when using custom offering")
            }
            cpu = c
            memory = m
            speed = details["cpuspeed"].flatMap { Int($0) } ?? 1000
            guard cpu >= 1, memory >= 32 else { throw APIError.invalid("Invalid cpu cores value, specify a value between 1 and 2147483647") }
        }
        var networkIDs: [String] = []
        for networkID in call.list("networkids") ?? [] {
            guard let network = world.networks[networkID] else { throw APIError.invalidUUID(call.name, "networkids", networkID) }
            if let owner = network.accountID { try call.checkAccess(owner, resource: "Network \(network.id)") }
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
        var vm = world.createVirtualMachine(
            caller: call.caller, owner: owner, zone: zone, template: template, offering: offering, cpu: cpu, speed: speed,
            memory: memory, name: call.string("name"), displayName: call.string("displayname"), networkIDs: networkIDs,
            securityGroupIDs: groupIDs, keyPairs: keyPairs, userData: userData, rootSize: try call.long("rootdisksize"),
            now: call.nowSeconds)
        vm.group = call.string("group")
        let password = template.passwordEnabled ? world.nextPassword() : nil
        vm.password = password
        if let diskOffering = try call.entity(world.diskOfferings, "diskofferingid") {
            let size = diskOffering.isCustomized ? (try call.long("size") ?? 1) << 30 : diskOffering.diskSizeGB << 30
            let volumeID = world.ids.next()
            world.volumes[volumeID] = Volume(
                id: volumeID, name: "DATA-" + String(vm.number), accountID: owner.id, zoneID: zone.id, type: "DATADISK",
                size: size, state: "Allocated", diskOfferingID: diskOffering.id, virtualMachineID: vm.id, deviceID: 1,
                attached: call.nowSeconds, created: call.nowSeconds)
        }
        let vmID = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: vmID, createdID: vmID,
            begin: { world in if startVM { world.setState("Starting", vm: vmID) } },
            finish: { world, _ in
                if startVM { world.setState("Running", vm: vmID) }
                guard let vm = world.virtualMachines[vmID] else { throw APIError.internalError("VM \(vmID) is gone") }
                return jobResult("virtualmachine") { world.writeVirtualMachine(vm, password: password, into: &$0) }
            })
        vm.pendingJobID = jobID
        world.virtualMachines[vmID] = vm
    }

    static let start = Command("startVirtualMachine", async: true, required: ["id"], accepts: ["hostid", "considerlasthost"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id,
            begin: { world in if world.virtualMachines[id]?.state == "Stopped" { world.setState("Starting", vm: id) } },
            finish: { world, _ in
                guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
                switch current.state {
                case "Starting": world.setState("Running", vm: id)
                case "Running": throw APIError.invalid("The virtual machine \(current.id) (\(current.displayName)) is already running")
                default: throw APIError.invalid("Unable to start VM instance \(current.id) as it is in \(current.state) state")
                }
                return jobResult("virtualmachine") { world.writeVirtualMachine(world.virtualMachines[id] ?? current, into: &$0) }
            })
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let stop = Command("stopVirtualMachine", async: true, required: ["id"], accepts: ["forced"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id,
            begin: { world in if world.virtualMachines[id]?.state == "Running" { world.setState("Stopping", vm: id) } },
            finish: { world, _ in
                guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
                switch current.state {
                case "Stopping": world.setState("Stopped", vm: id)
                // VirtualMachineManagerImpl.advanceStop returns quietly for a VM that is already stopped.
                case "Stopped": break
                default: throw APIError.internalError("Unable to stop VM instance \(current.id) as it is in \(current.state) state")
                }
                return jobResult("virtualmachine") { world.writeVirtualMachine(world.virtualMachines[id] ?? current, into: &$0) }
            })
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let reboot = Command("rebootVirtualMachine", async: true, required: ["id"], accepts: ["forced"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id) { world, _ in
            guard let current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
            guard current.state == "Running" else {
                throw APIError.invalid("Unable to reboot VM instance \(current.id) as it is not in Running state")
            }
            return jobResult("virtualmachine") { world.writeVirtualMachine(current, into: &$0) }
        }
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let destroy = Command("destroyVirtualMachine", async: true, required: ["id"], accepts: ["expunge", "volumeids"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let expungeNow = call.bool("expunge") == true
        if expungeNow && !call.caller.isAdmin {
            throw APIError.permission("Parameter expunge can be passed by Admin only. Or when the allow.user.expunge.recover.vm key is set.")
        }
        if vm.state == "Destroyed" || vm.state == "Expunging" {
            throw APIError.invalid("Unable to find a virtual machine with specified vmId \(vm.id)")
        }
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id,
            begin: { world in
                if world.virtualMachines[id]?.state == "Running" { world.setState("Stopping", vm: id) }
                if expungeNow { world.setState("Expunging", vm: id) }
            },
            finish: { world, _ in
                guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
                current.state = expungeNow ? "Expunging" : "Destroyed"
                current.hostID = nil
                let snapshot = current
                if expungeNow {
                    world.expunge(vm: id)
                } else {
                    world.virtualMachines[id] = current
                    for volume in world.volumes.all where volume.virtualMachineID == id && volume.type == "ROOT" {
                        world.volumes[volume.id]?.state = "Destroy"
                    }
                }
                return jobResult("virtualmachine") { world.writeVirtualMachine(snapshot, into: &$0) }
            })
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let expunge = Command("expungeVirtualMachine", async: true, admin: true, required: ["id"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        guard vm.state == "Destroyed" else {
            throw APIError.invalid("Please specify a VM that is in Destroyed state")
        }
        let jobID = call.startJob(&world, into: &w, instanceType: "VirtualMachine", instanceID: id,
            begin: { world in world.setState("Expunging", vm: id) },
            finish: { world, _ in
                world.expunge(vm: id)
                return AsyncJobBody.success
            })
        world.virtualMachines[id]?.pendingJobID = jobID
    }

    static let recover = Command("recoverVirtualMachine", required: ["id"]) { world, call, w in
        var vm = try owned(world, call)
        guard vm.state == "Destroyed" else { throw APIError.invalid("Unable to recover VM as it is not in Destroyed state") }
        vm.state = "Stopped"
        world.virtualMachines[vm.id] = vm
        for volume in world.volumes.all where volume.virtualMachineID == vm.id && volume.type == "ROOT" {
            world.volumes[volume.id]?.state = "Ready"
        }
        w.beginObject()
        w.key("virtualmachine")
        world.writeVirtualMachine(vm, into: &w)
        w.endObject()
    }

    static let update = Command("updateVirtualMachine", required: ["id"], accepts: [
        "displayname", "group", "haenable", "name", "userdata", "displayvm", "securitygroupids",
    ]) { world, call, w in
        var vm = try owned(world, call)
        if let userData = call.string("userdata") {
            try UserData.validate(userData)
            vm.userData = userData
        }
        if let name = call.string("displayname") { vm.displayName = name }
        if let name = call.string("name") {
            guard vm.state == "Stopped" else { throw APIError.invalid("Update of VM hostname is only supported in Stopped state") }
            vm.name = name
        }
        if let group = call.string("group") { vm.group = group }
        if let ha = call.bool("haenable") { vm.haEnable = ha }
        if let display = call.bool("displayvm") { vm.displayVM = display }
        world.virtualMachines[vm.id] = vm
        w.beginObject()
        w.key("virtualmachine")
        world.writeVirtualMachine(vm, into: &w)
        w.endObject()
    }

    static let getPassword = Command("getVMPassword", required: ["id"]) { world, call, w in
        let vm = try owned(world, call)
        guard let password = vm.password else {
            throw APIError.invalid("No password for VM with specified id found. If VM was created with SSH key pair, use the SSH key pair to obtain the password.")
        }
        w.beginObject()
        w.key("password")
        w.beginObject()
        // CloudStack encrypts with the VM's SSH public key; the simulator returns base64 of the plain password.
        w.member("encryptedpassword", Base64Text.encode(password))
        w.endObject()
        w.endObject()
    }
}

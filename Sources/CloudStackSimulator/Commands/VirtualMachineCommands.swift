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

    static let list = Command(
        "listVirtualMachines",
        accepts: [
            "account", "domainid", "id", "ids", "isrecursive", "keyword", "listall", "name", "page", "pagesize", "state",
            "tags", "templateid", "userdata", "zoneid", "networkid", "serviceofferingid", "keypair", "securitygroupid",
            "vpcid", "details", "displayvm", "hypervisor", "forvirtualnetwork", "groupid", "userid",
        ]
    ) { world, call, w in
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
                } else if vm.state.lowercased() != state {
                    return false
                }
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

    static let start = Command("startVirtualMachine", async: true, required: ["id"], accepts: ["hostid", "considerlasthost"]) {
        world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let jobID = call.startJob(
            &world, into: &w, instanceType: "VirtualMachine", instanceID: id,
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
        let jobID = call.startJob(
            &world, into: &w, instanceType: "VirtualMachine", instanceID: id,
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

    static let destroy = Command("destroyVirtualMachine", async: true, required: ["id"], accepts: ["expunge", "volumeids"]) {
        world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        let expungeNow = call.bool("expunge") == true
        if expungeNow && !call.caller.isAdmin {
            throw APIError.permission(
                "Parameter expunge can be passed by Admin only. Or when the allow.user.expunge.recover.vm key is set.")
        }
        if vm.state == "Destroyed" || vm.state == "Expunging" {
            throw APIError.invalid("Unable to find a virtual machine with specified vmId \(vm.id)")
        }
        // `volumeids` is a UUID list: an unknown id fails parameter processing, before the job.
        let volumeIDs = call.list("volumeids") ?? []
        for volumeID in volumeIDs {
            guard let volume = world.volumes[volumeID] else { throw APIError.invalidUUID(call.name, "volumeids", volumeID) }
            try call.checkAccess(volume.accountID, resource: "Volume {\"uuid\":\"\(volume.id)\"}")
        }
        let jobID = call.startJob(
            &world, into: &w, instanceType: "VirtualMachine", instanceID: id,
            begin: { world in
                // The volume check comes before the stop, so a refused destroy leaves the VM as it was.
                guard unfitVolumes(world, volumeIDs, of: id).isEmpty else { return }
                if world.virtualMachines[id]?.state == "Running" { world.setState("Stopping", vm: id) }
                if expungeNow { world.setState("Expunging", vm: id) }
            },
            finish: { world, _ in
                guard var current = world.virtualMachines[id] else { throw APIError.internalError("VM \(id) is gone") }
                try destroyVolumes(&world, volumeIDs, of: id)
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

    /// `UserVmManagerImpl.destroyVm` with `volumeids`: each must be a DATADISK attached to the VM
    /// (`checkForUnattachedVolumes`; the volume text is a paraphrase of `VolumeVO.toString`); they are
    /// detached and destroyed (state `Destroy`, kept until storage clean-up, which the simulator does not run).
    static func destroyVolumes(_ world: inout World, _ volumeIDs: [String], of vmID: String) throws {
        let wrong = unfitVolumes(world, volumeIDs, of: vmID)
        if !wrong.isEmpty {
            let list = wrong.map { "Vol[\($0.id)|name=\($0.name)|\($0.type)]; " }.joined()
            throw APIError.invalid("The following supplied volumes are not DATADISK attached to the VM: \(list)")
        }
        for volumeID in volumeIDs {
            world.volumes[volumeID]?.virtualMachineID = nil
            world.volumes[volumeID]?.deviceID = nil
            world.volumes[volumeID]?.attached = nil
            world.volumes[volumeID]?.state = "Destroy"
        }
    }

    /// The volumes of `volumeIDs` that are not data disks attached to the VM.
    static func unfitVolumes(_ world: World, _ volumeIDs: [String], of vmID: String) -> [Volume] {
        volumeIDs.compactMap { world.volumes[$0] }.filter { $0.virtualMachineID != vmID || $0.type != "DATADISK" }
    }

    static let expunge = Command("expungeVirtualMachine", async: true, admin: true, required: ["id"]) { world, call, w in
        let vm = try owned(world, call)
        let id = vm.id
        guard vm.state == "Destroyed" else {
            throw APIError.invalid("Please specify a VM that is in Destroyed state")
        }
        let jobID = call.startJob(
            &world, into: &w, instanceType: "VirtualMachine", instanceID: id,
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

    static let update = Command(
        "updateVirtualMachine", required: ["id"],
        accepts: [
            "displayname", "group", "haenable", "name", "userdata", "displayvm", "securitygroupids",
        ]
    ) { world, call, w in
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
        if let group = call.string("group") { try world.join(&vm, group: group, now: call.nowSeconds) }
        if let groupIDs = call.list("securitygroupids") {
            // CloudStack 4.18 (UserVmManagerImpl.updateVirtualMachine): every id must name a group; in a
            // network with security groups the VM leaves its groups and joins these, only while stopped;
            // anywhere else the list is ignored without an error.
            for groupID in groupIDs {
                guard let group = world.securityGroups[groupID] else { throw APIError.invalidUUID(call.name, "securitygroupids", groupID) }
                try call.checkAccess(group.accountID, resource: "SecurityGroup \(group.id)")
            }
            if world.zones[vm.zoneID]?.securityGroupsEnabled == true {
                guard vm.state == "Stopped" else {
                    throw APIError.invalid("Virtual machine must be stopped prior to update security groups ")
                }
                vm.securityGroupIDs = groupIDs
            }
        }
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
            throw APIError.invalid(
                "No password for VM with specified id found. If VM was created with SSH key pair, use the SSH key pair to obtain the password."
            )
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

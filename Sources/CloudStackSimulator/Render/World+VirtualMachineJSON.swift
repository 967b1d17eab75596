import JSON

extension World {
    /// Writes a `UserVmResponse` in Gson declaration order; `userdata` only when asked for.
    func writeVirtualMachine(_ vm: VirtualMachine, userData: Bool = false, password: String? = nil, into w: inout JSONWriter) {
        let zone = zones[vm.zoneID]
        let template = templates[vm.templateID]
        let offering = serviceOfferings[vm.serviceOfferingID]
        w.beginObject()
        w.member("id", vm.id)
        w.member("name", vm.name)
        w.member("displayname", vm.displayName)
        writeOwner(vm.accountID, into: &w)
        w.member("userid", vm.userID)
        if let user = users[vm.userID] { w.member("username", user.username) }
        w.member("created", DateText.format(vm.created))
        w.member("state", vm.state)
        w.member("haenable", vm.haEnable)
        if let groupID = vm.groupID, let group = instanceGroups[groupID] {
            w.member("groupid", group.id)
            w.member("group", group.name)
        }
        w.member("zoneid", vm.zoneID)
        w.member("zonename", zone?.name ?? "")
        if let host = vm.hostID, vm.state == "Running" || vm.state == "Stopping" || vm.state == "Starting" {
            w.member("hostid", host)
            w.member("hostname", "SimulatedAgent." + host)
        }
        w.member("templateid", vm.templateID)
        if let template {
            w.member("templatename", template.name)
            w.member("templatedisplaytext", template.displayText)
            w.member("passwordenabled", template.passwordEnabled)
        }
        w.member("password", ifPresent: password)
        w.member("serviceofferingid", vm.serviceOfferingID)
        w.member("serviceofferingname", offering?.name ?? "")
        w.member("cpunumber", vm.cpuNumber)
        w.member("cpuspeed", vm.cpuSpeed)
        w.member("memory", vm.memory)
        if vm.state == "Running" {
            w.member("cpuused", "10%")
            w.member("networkkbsread", 0)
            w.member("networkkbswrite", 0)
            w.member("diskkbsread", 0)
            w.member("diskkbswrite", 0)
            w.member("diskioread", 0)
            w.member("diskiowrite", 0)
        }
        w.member("guestosid", guestOSID)
        w.member("rootdeviceid", 0)
        w.member("rootdevicetype", "ROOT")
        w.key("securitygroup")
        w.beginArray()
        for groupID in vm.securityGroupIDs {
            if let group = securityGroups[groupID] { writeSecurityGroup(group, into: &w) }
        }
        w.endArray()
        w.key("nic")
        w.beginArray()
        for nic in vm.nics { writeNic(nic, vm: vm, into: &w) }
        w.endArray()
        w.member("hypervisor", "Simulator")
        if let ipID = vm.staticNatIPID, let ip = publicIPs[ipID] {
            w.member("publicipid", ip.id)
            w.member("publicip", ip.address)
        }
        w.member("instancename", "i-\(accounts[vm.accountID]?.number ?? 2)-\(vm.number)-VM")
        writeTags(of: vm.id, into: &w)
        if !vm.details.isEmpty {
            w.key("details")
            w.beginObject()
            for (key, value) in vm.details.sorted(by: { $0.key < $1.key }) {
                w.key(key)
                w.string(value)
            }
            w.endObject()
        }
        if !vm.keyPairs.isEmpty { w.member("keypairs", vm.keyPairs.joined(separator: ",")) }
        w.key("affinitygroup")
        w.beginArray()
        for group in affinityGroups.all where group.virtualMachineIDs.contains(vm.id) {
            w.beginObject()
            w.member("id", group.id)
            w.member("name", group.name)
            w.member("description", ifPresent: group.description)
            w.member("type", group.type)
            writeOwner(group.accountID, into: &w)
            w.endObject()
        }
        w.endArray()
        w.member("displayvm", vm.displayVM)
        w.member("isdynamicallyscalable", false)
        w.member("ostypeid", guestOSID)
        w.member("osdisplayname", template?.osTypeName ?? "Other (64-bit)")
        if userData { w.member("userdata", ifPresent: vm.userData) }
        writePendingJob(vm.pendingJobID, into: &w)
        w.endObject()
    }

    /// Writes one `NicResponse`.
    func writeNic(_ nic: Nic, vm: VirtualMachine, into w: inout JSONWriter) {
        let network = networks[nic.networkID]
        w.beginObject()
        w.member("id", nic.id)
        w.member("networkid", nic.networkID)
        w.member("networkname", network?.name ?? "")
        w.member("netmask", nic.netmask)
        w.member("gateway", nic.gateway)
        w.member("ipaddress", nic.ipAddress)
        w.member("isolationuri", network?.type == "Shared" ? "ec2://untagged" : "vlan://100")
        w.member("broadcasturi", network?.type == "Shared" ? "vlan://untagged" : "vlan://100")
        w.member("traffictype", "Guest")
        w.member("type", network?.type ?? "Shared")
        w.member("isdefault", nic.isDefault)
        w.member("macaddress", nic.macAddress)
        w.member("virtualmachineid", vm.id)
        w.member("deviceid", String(nic.deviceID))
        if let vpcID = network?.vpcID, let vpc = vpcs[vpcID] {
            w.member("vpcid", vpcID)
            w.member("vpcname", vpc.name)
        }
        w.key("secondaryip")
        w.beginArray()
        for address in nic.secondaryIPs {
            w.beginObject()
            w.member("id", address.id)
            w.member("ipaddress", address.address)
            w.endObject()
        }
        w.endArray()
        w.key("extradhcpoption"); w.beginArray(); w.endArray()
        w.endObject()
    }
}

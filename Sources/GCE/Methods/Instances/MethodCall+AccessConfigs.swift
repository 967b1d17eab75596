import CloudStack

/// Access configs are CloudStack static NAT (docs/decisions/0013): one per instance, on its default NIC. A reserved
/// `natIP` is one of the project's addresses; an ephemeral one is a public IP acquired for the NIC's network (or
/// its VPC) and tagged `gce-ephemeral`, released when the access config or the instance goes. A NIC on a shared
/// network has a public address of its own (the `natIP` it reports), so an ephemeral access config there is that
/// address and needs no command.
enum AccessConfigTags {
    /// The access config's name, kept on the VM (CloudStack's static NAT rule has none).
    static let name = "gce-access-config"

    static func name(_ vm: VirtualMachine) -> String {
        vm.tags.first { $0.key == name }?.value ?? AccessConfigBody.defaultName
    }
}

extension MethodCall {
    /// NIC `index` of `vm`, which must be its default NIC: 400 naming `networkInterface` otherwise.
    func natNic(_ vm: Named<VirtualMachine>, index: Int) throws(GCEError) -> Nic {
        guard index < vm.row.nic.count else {
            throw GCEError.invalid("Invalid value for field 'networkInterface': instance '\(vm.name)' has no nic\(index)")
        }
        let nic = vm.row.nic[index]
        guard nic.isdefault ?? (index == 0) else {
            throw GCEError.invalid(
                "Invalid value for field 'networkInterface': access configs are CloudStack static NAT, which this bridge keeps on the default NIC only"
            )
        }
        return nic
    }

    /// The public IP holding static NAT to `vm`, if any [listPublicIpAddresses].
    func staticNatAddress(of vm: Named<VirtualMachine>) async throws(GCEError) -> PublicIPAddress? {
        guard vm.row.publicip != nil else { return nil }
        return try await listAll(CommandTable.listPublicIpAddresses, ["isstaticnat": "true"]).first { $0.virtualmachineid == vm.row.id }
    }

    /// 400 naming `path` when `address` was acquired for another CloudStack network or VPC than the NIC's
    /// (`networkID`, `vpcID`): CloudStack's static NAT gives an address only to an instance on its own network, and
    /// the bridge does not move a reserved address between networks (decision 0013, point 5: re-acquiring it would
    /// change its id and could lose it to another account).
    static func checkServes(_ address: Named<PublicIPAddress>, networkID: String, vpcID: String?, path: String) throws(GCEError) {
        let usable = address.row.vpcid.map { $0 == vpcID } ?? (address.row.associatednetworkid == networkID)
        guard !usable else { return }
        throw GCEError.invalid(
            "Invalid value for field '\(path)': address '\(address.name)' (\(address.row.ipaddress ?? "")) was acquired for "
                + "CloudStack \(address.row.vpcid != nil ? "VPC" : "network") "
                + "'\(address.row.vpcname ?? address.row.associatednetworkname ?? "")', and CloudStack's static NAT gives an "
                + "address only to an instance on that network, and a reserved address is not moved; use an ephemeral "
                + "access config (no natIP)")
    }

    /// Gives `vm` the access config `config` on `nic` [associateIpAddress, createTags for an ephemeral one;
    /// enableStaticNat], and keeps its name on the VM. `path` names the body in errors.
    func addAccessConfig(_ config: AccessConfigBody, vm: Named<VirtualMachine>, nic: Nic, path: String) async throws(GCEError) {
        if vm.row.publicip != nil, nic.type != "Shared" {
            throw GCEError.invalid("Invalid value for field '\(path)': at most one access config per instance is supported")
        }
        if nic.type == "Shared" {
            guard config.natIP == nil else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path).natIP': the NIC is on a CloudStack shared network, whose address is public itself")
            }
            return
        }
        let ipID: String
        var acquired: String?
        if let natIP = config.natIP {
            guard let address = try await addresses().first(where: { $0.row.ipaddress == natIP }) else {
                throw GCEError.invalid("Invalid value for field '\(path).natIP': '\(natIP)' is not a reserved address of this project")
            }
            if address.row.virtualmachineid != nil || address.row.issourcenat == true {
                throw GCEError(
                    status: 400, reason: "resourceInUseByAnotherResource",
                    message: "Invalid value for field '\(path).natIP': address '\(address.name)' (\(natIP)) is already in use")
            }
            try Self.checkServes(address, networkID: nic.networkid ?? "", vpcID: nic.vpcid, path: "\(path).natIP")
            ipID = address.row.id ?? ""
        } else {
            let placement: Parameters = nic.vpcid.map { ["vpcid": $0] } ?? ["networkid": nic.networkid ?? ""]
            let receipt = try await call(CommandTable.associateIpAddress, placement)
            try await awaitJob(receipt.jobid)
            guard let id = receipt.id else { throw GCEError.backend("associateIpAddress answered no address id") }
            ipID = id
            acquired = id
        }
        do throws(GCEError) {
            if let acquired,
                let job = try await replaceTags(
                    on: acquired, type: "PublicIpAddress", oldKeys: [], newTags: [(AddressTags.ephemeral, "true")])
            {
                try await awaitJob(job)
            }
            do throws(GCEError) {
                _ = try await call(
                    CommandTable.enableStaticNat,
                    ["ipaddressid": ipID, "virtualmachineid": vm.row.id ?? "", "networkid": nic.networkid ?? ""])
            } catch let error where error.status == 400 || error.status == 409 {
                throw GCEError.invalid("Invalid value for field '\(path).natIP': \(error.message)")
            }
        } catch {
            if let acquired { _ = try? await call(CommandTable.disassociateIpAddress, ["id": acquired]) }
            throw error
        }
        let old = vm.row.tags.contains { $0.key == AccessConfigTags.name } ? [AccessConfigTags.name] : []
        let keep = config.name == AccessConfigBody.defaultName ? [] : [(AccessConfigTags.name, config.name)]
        if let job = try await replaceTags(on: vm.row.id ?? "", type: "UserVm", oldKeys: old, newTags: keep) { try await awaitJob(job) }
    }

    /// Removes `vm`'s access config named `name` [disableStaticNat; disassociateIpAddress for an ephemeral one];
    /// returns the last job.
    func deleteAccessConfig(named name: String, vm: Named<VirtualMachine>, nic: Nic) async throws(GCEError) -> String? {
        guard let address = try await staticNatAddress(of: vm), name == AccessConfigTags.name(vm.row) else {
            let reason =
                nic.type == "Shared"
                ? "the NIC is on a CloudStack shared network, whose address is public itself and cannot be removed"
                : "instance '\(vm.name)' has no access config '\(name.prefix(64))'"
            throw GCEError.invalid("Invalid value for field 'accessConfig': \(reason)")
        }
        let id = address.id ?? ""
        var job = try await call(CommandTable.disableStaticNat, ["ipaddressid": id]).jobid
        if address.tags.contains(where: { $0.key == AddressTags.ephemeral }) {
            try await awaitJob(job)
            job = try await call(CommandTable.disassociateIpAddress, ["id": id]).jobid
        }
        if vm.row.tags.contains(where: { $0.key == AccessConfigTags.name }) {
            _ = try await replaceTags(on: vm.row.id ?? "", type: "UserVm", oldKeys: [AccessConfigTags.name], newTags: [])
        }
        return job
    }

    /// Frees the access config of an instance being deleted, as GCE does at once: CloudStack keeps static NAT to a
    /// destroyed VM until it is expunged, and the address with the account after that. An ephemeral address is
    /// released, a reserved one goes back to RESERVED [listPublicIpAddresses, disassociateIpAddress or
    /// disableStaticNat].
    func releaseAccessConfig(of vm: Named<VirtualMachine>) async throws(GCEError) {
        guard let address = try await staticNatAddress(of: vm), let id = address.id else { return }
        if address.tags.contains(where: { $0.key == AddressTags.ephemeral }) {
            try await awaitJob(try await call(CommandTable.disassociateIpAddress, ["id": id]).jobid)
        } else {
            try await awaitJob(try await call(CommandTable.disableStaticNat, ["ipaddressid": id]).jobid)
        }
    }
}

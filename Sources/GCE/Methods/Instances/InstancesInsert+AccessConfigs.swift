import CloudStack

/// instances.insert's `networkInterfaces[0].accessConfigs`: at most one, ephemeral or with a reserved `natIP`,
/// applied as `instances.addAccessConfig` applies it once the deploy job is done.
enum InsertAccessConfig {
    /// The first interface's access config, or nil for none (`accessConfigs` absent or empty).
    static func decode(_ interface: BodyValue?) throws(GCEError) -> AccessConfigBody? {
        guard let interface else { return nil }
        let configs = try interface.array("accessConfigs", at: "resource.networkInterfaces[0].accessConfigs")
        guard let first = configs.first else { return nil }
        guard configs.count == 1 else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.networkInterfaces[0].accessConfigs': at most one access config per instance is supported"
            )
        }
        let path = "resource.networkInterfaces[0].accessConfigs[0]"
        return try AccessConfigBody(first.requireObject(path), at: path)
    }
}

extension MethodCall {
    /// Before the deploy: a reserved `natIP` must be one of the project's addresses, free, and acquired for the
    /// network (or VPC) of `networkID`, nic0's network when the request names one (CloudStack's static NAT takes
    /// an address only there), so nothing is created for a request that would fail after the deploy.
    func checkInsertAccessConfig(_ config: AccessConfigBody?, networkID: String?) async throws(GCEError) {
        guard let natIP = config?.natIP else { return }
        let path = "resource.networkInterfaces[0].accessConfigs[0].natIP"
        guard let address = try await addresses().first(where: { $0.row.ipaddress == natIP }) else {
            throw GCEError.invalid("Invalid value for field '\(path)': '\(natIP)' is not a reserved address of this project")
        }
        guard address.row.virtualmachineid == nil, address.row.issourcenat != true else {
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message: "Invalid value for field '\(path)': address '\(address.name)' (\(natIP)) is already in use")
        }
        guard let networkID else { return }
        let vpcID = try await listAll(CommandTable.listNetworks, ["id": networkID]).first?.vpcid
        try Self.checkServes(address, networkID: networkID, vpcID: vpcID, path: path)
    }

    /// After the deploy job `job` (waited for): static NAT for the new VM; returns the job the operation reports.
    func applyInsertAccessConfig(_ config: AccessConfigBody?, afterDeploy job: String, vmID: String, zone: Named<CloudStack.Zone>)
        async throws(GCEError) -> String
    {
        guard let config else { return job }
        try await awaitJob(job)
        guard let vm = try await virtualMachines(zoneID: zone.row.id ?? "", id: vmID).first,
            let index = vm.row.nic.firstIndex(where: { $0.isdefault == true }) ?? (vm.row.nic.isEmpty ? nil : 0)
        else { return job }
        try await addAccessConfig(config, vm: vm, nic: vm.row.nic[index], path: "resource.networkInterfaces[0].accessConfigs[0]")
        return job
    }
}

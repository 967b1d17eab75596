import CloudStack

/// RunInstances' `NetworkInterface.1.AssociatePublicIpAddress=true` [queryAsyncJobResult for each deploy,
/// listVirtualMachines, associateIpAddress, createTags, enableStaticNat] and the release of those addresses at
/// TerminateInstances [listPublicIpAddresses, disassociateIpAddress or disableStaticNat] (decision 0009 §10).
///
/// CloudStack assigns no public address at launch outside shared networks: the bridge acquires one for the
/// default NIC's isolated network (or its VPC, NATed into the tier) once the VM is deployed, tags it as its own
/// and enables static NAT to the VM, so `ipAddress` shows it. On a shared network the NIC's address is public
/// already, so nothing is done.
enum LaunchPublicAddresses {
    /// How long a launch waits for one deploy job before giving up (and rolling the launch back).
    static let deployWaitNanos: UInt64 = 600_000_000_000

    /// Gives every launched VM a public address; on any failure the addresses acquired so far are released
    /// and the error is thrown (the caller rolls the VMs back: EC2 fails such a launch as a whole).
    static func attach(_ receipts: [AsyncJobReceipt], in context: ActionContext, launchContext: ErrorContext) async throws(EC2Error) {
        var acquired: [String] = []
        do throws(EC2Error) {
            for receipt in receipts {
                guard try await context.awaitJob(receipt.jobid, deadlineNanos: deployWaitNanos, context: launchContext) else {
                    throw EC2Error.unavailable("CloudStack did not finish deploying the instance in time; the launch was rolled back.")
                }
            }
            let ids = receipts.compactMap { $0.id.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) } }
            for vm in try await InstanceLookup.virtualMachines(ids, in: context) {
                guard let vmID = vm.id, let instance = EC2ID(kind: .instance, cloudStackUUID: vmID),
                    let nic = vm.nic.first(where: { $0.isdefault == true }) ?? vm.nic.first
                else { throw EC2Error.internalError() }
                // A shared network's address is public itself (Basic and advanced SG zones).
                guard nic.type != "Shared", let network = nic.networkid else { continue }
                let placement: Parameters = nic.vpcid.map { ["vpcid": $0] } ?? ["networkid": network]
                let address = try await context.run(CommandTable.associateIpAddress, placement)
                guard let addressID = address.id else { throw EC2Error.internalError() }
                acquired.append(addressID)
                try await context.createTags(
                    [(InternalTags.autoPublicIP, instance.description)], on: [addressID], resourceType: "PublicIpAddress")
                // A VPC address belongs to no tier until static NAT names one (EnableStaticNatCmd.getNetworkId).
                _ = try await context.call(
                    CommandTable.enableStaticNat, ["ipaddressid": addressID, "virtualmachineid": vmID, "networkid": network])
            }
        } catch {
            for id in acquired { _ = try? await context.run(CommandTable.disassociateIpAddress, ["id": id]) }
            throw error
        }
    }

    /// Frees the public address of a VM being terminated: one the bridge acquired at launch is released, a
    /// user's Elastic IP is only disassociated (EC2 keeps it with the account). CloudStack itself keeps static
    /// NAT to a destroyed VM until it is expunged, and the address with the account after that.
    ///
    /// `staticNat` holds the caller's static NAT addresses, listed at the first VM that has one.
    static func release(of vm: VirtualMachine, staticNat: inout [PublicIPAddress]?, in context: ActionContext) async throws(EC2Error) {
        guard vm.publicip != nil, let vmID = vm.id else { return }
        if staticNat == nil { staticNat = try await context.list(CommandTable.listPublicIpAddresses, ["isstaticnat": "true"]) }
        for address in staticNat ?? [] where address.virtualmachineid == vmID && address.issourcenat != true {
            guard let id = address.id else { continue }
            if address.tags.contains(where: { $0.key == InternalTags.autoPublicIP }) {
                _ = try await context.run(CommandTable.disassociateIpAddress, ["id": id])
            } else {
                _ = try await context.run(CommandTable.disableStaticNat, ["ipaddressid": id])
            }
        }
    }
}

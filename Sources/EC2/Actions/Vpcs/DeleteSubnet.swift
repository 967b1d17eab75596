import CloudStack

/// `DeleteSubnet` [listNetworks, listVirtualMachines, deleteNetwork]: a VPC tier with no instance
/// (else `DependencyViolation`, as EC2 answers for a subnet with interfaces in it, also while
/// CloudStack still holds instances terminated in it and not yet expunged, when its job fails); the
/// default VPC's subnets are CloudStack's zone networks and are `OperationNotPermitted`.
enum DeleteSubnet: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let subnetId: String?
        enum CodingKeys: String, CodingKey { case subnetId = "SubnetId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteSubnet"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.subnetId, !id.isEmpty else { throw EC2Error.missingParameter("SubnetId") }
        _ = try EC2ID.parse(id, as: .subnet)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.subnetId ?? "", as: .subnet)
        let network = try await VPCInventory.network(id, in: context)
        guard network.vpcid != nil else {
            throw EC2Error(
                code: "OperationNotPermitted",
                message:
                    "The subnet '\(id.description)' is in the default VPC: it is a CloudStack zone network, which DeleteSubnet does not delete."
            )
        }
        let vms = try await InstanceLookup.virtualMachines(nil, in: context)
        if vms.contains(where: { vm in vm.nic.contains { $0.networkid == network.id } }) {
            throw EC2Error(code: "DependencyViolation", message: "The subnet '\(id.description)' has dependencies and cannot be deleted.")
        }
        try await deleteNetwork(id, in: context)
        return ReturnView(value: true)
    }

    /// deleteNetwork; a failed job for a tier with no live VM is `DependencyViolation`: CloudStack keeps
    /// terminated (destroyed) VMs' NICs until it expunges them (`expunge.delay`), and deleteNetwork waits for that.
    private static func deleteNetwork(_ id: EC2ID, in context: ActionContext) async throws(EC2Error) {
        do {
            _ = try await context.run(CommandTable.deleteNetwork, ["id": id.cloudStackUUID], context: .ids(.subnet, [id.description]))
        } catch {
            guard error.code == "InternalError" else { throw error }
            throw EC2Error(
                code: "DependencyViolation",
                message:
                    "The subnet '\(id.description)' has dependencies and cannot be deleted: CloudStack keeps instances terminated in it until it expunges them."
            )
        }
    }
}

import CloudStack

/// `DeleteVpc` [listVPCs, listNetworks, deleteVPC]: a CloudStack VPC without tiers (else
/// `DependencyViolation`, as EC2 answers for a VPC with subnets); the default VPC is
/// `OperationNotPermitted`. CloudStack removes the VPC's router, ACL lists, static routes and
/// source NAT address with it, as EC2 removes a VPC's main route table and default ACL.
enum DeleteVpc: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        enum CodingKeys: String, CodingKey { case vpcId = "VpcId" }
    }

    typealias Output = ReturnView
    static let name = "DeleteVpc"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.vpcId, !id.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(id, as: .vpc)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let id = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        let vpc = try await VPCInventory.cloudStackVPC(id, for: name, in: context)
        let tiers = try await context.list(CommandTable.listNetworks, ["vpcid": vpc.id ?? ""])
        if tiers.contains(where: { $0.vpcid == vpc.id }) {
            throw EC2Error(code: "DependencyViolation", message: "The vpc '\(id.description)' has dependencies and cannot be deleted.")
        }
        _ = try await context.run(CommandTable.deleteVPC, ["id": id.cloudStackUUID], context: .ids(.vpc, [id.description]))
        return ReturnView(value: true)
    }
}

import CloudStack

/// `ReleaseAddress` [listPublicIpAddresses, disassociateIpAddress]: by `AllocationId` or the legacy
/// `PublicIp`. An address still associated with an instance is EC2's `InvalidIPAddress.InUse`
/// (disassociate it first), as in a VPC on EC2.
enum ReleaseAddress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let allocationId: String?
        let publicIp: String?
        let networkBorderGroup: String?
        enum CodingKeys: String, CodingKey {
            case allocationId = "AllocationId"
            case publicIp = "PublicIp"
            case networkBorderGroup = "NetworkBorderGroup"
        }
    }

    typealias Output = ReturnView
    static let name = "ReleaseAddress"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        try AddressLookup.checkBorderGroup(input.networkBorderGroup, in: context)
        let address = try await AddressLookup.require(allocationId: input.allocationId, publicIp: input.publicIp, in: context)
        guard let uuid = address.id else { throw EC2Error.internalError() }
        if AddressLookup.associationID(of: address) != nil {
            throw EC2Error(code: "InvalidIPAddress.InUse", message: "Address \(address.ipaddress ?? uuid) is in use: disassociate it first")
        }
        let ids = EC2ID(kind: .allocation, cloudStackUUID: uuid).map { [$0.description] } ?? []
        _ = try await context.run(CommandTable.disassociateIpAddress, ["id": uuid], context: .ids(.allocation, ids))
        return ReturnView(value: true)
    }
}

import CloudStack

/// `DisassociateAddress` [listPublicIpAddresses, disableStaticNat]: by `AssociationId`
/// (`eipassoc-` + the address's UUID hex) or the legacy `PublicIp`. The instance's `ipAddress`
/// goes with the static NAT rule.
enum DisassociateAddress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let associationId: String?
        let publicIp: String?
        enum CodingKeys: String, CodingKey {
            case associationId = "AssociationId"
            case publicIp = "PublicIp"
        }
    }

    typealias Output = ReturnView
    static let name = "DisassociateAddress"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let address = try await associated(input, in: context)
        guard let uuid = address.id else { throw EC2Error.internalError() }
        _ = try await context.run(CommandTable.disableStaticNat, ["ipaddressid": uuid])
        return ReturnView(value: true)
    }

    /// The associated address the input names (`InvalidAssociationID.NotFound` when it is not associated).
    static func associated(_ input: Input, in context: ActionContext) async throws(EC2Error) -> PublicIPAddress {
        if input.associationId != nil && input.publicIp != nil {
            throw EC2Error.invalidParameterCombination("You may specify either AssociationId or PublicIp, not both")
        }
        if let ip = input.publicIp {
            let address = try await AddressLookup.require(allocationId: nil, publicIp: ip, in: context)
            guard AddressLookup.associationID(of: address) != nil else {
                throw EC2Error(code: "InvalidAssociationID.NotFound", message: "Address \(XMLSafeName.clip(ip)) is not associated")
            }
            return address
        }
        guard let id = input.associationId else { throw EC2Error.missingParameter("AssociationId") }
        let association = try EC2ID.parse(id, as: .association)
        let notFound = EC2Error.notFound(.association, ids: [association.description])
        let rows = try await context.list(
            CommandTable.listPublicIpAddresses, ["id": association.cloudStackUUID], context: .ids(.association, [association.description]))
        guard let address = rows.first(where: { $0.id == association.cloudStackUUID }), AddressLookup.associationID(of: address) != nil
        else { throw notFound }
        return address
    }
}

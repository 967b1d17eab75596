import CloudStack

/// Finds the Elastic IP an address action names, by `AllocationId` or by the legacy `PublicIp`.
///
/// Source NAT addresses are CloudStack's, not the caller's Elastic IPs: they are never found.
enum AddressLookup {
    /// Exactly one of `allocationId` and `publicIp` (both: `InvalidParameterCombination`; neither:
    /// `MissingParameter` naming `AllocationId`).
    static func require(allocationId: String?, publicIp: String?, in context: ActionContext) async throws(EC2Error) -> PublicIPAddress {
        switch (allocationId, publicIp) {
        case (.some, .some):
            throw EC2Error.invalidParameterCombination("You may specify either AllocationId or PublicIp, not both")
        case (nil, nil):
            throw EC2Error.missingParameter("AllocationId")
        case (let id?, nil):
            let allocation = try EC2ID.parse(id, as: .allocation)
            return try await byID(allocation, in: context)
        case (nil, let ip?):
            let rows = try await context.list(CommandTable.listPublicIpAddresses, ["ipaddress": ip])
            guard let row = rows.first(where: { $0.ipaddress == ip && $0.issourcenat != true }) else {
                throw EC2Error(code: "InvalidAddress.NotFound", message: "Address '\(XMLSafeName.clip(ip))' not found.")
            }
            return row
        }
    }

    /// The address with this allocation id (`InvalidAllocationID.NotFound` if the caller has none).
    static func byID(_ allocation: EC2ID, in context: ActionContext) async throws(EC2Error) -> PublicIPAddress {
        let rows = try await context.list(
            CommandTable.listPublicIpAddresses, ["id": allocation.cloudStackUUID], context: .ids(.allocation, [allocation.description]))
        guard let row = rows.first(where: { $0.id == allocation.cloudStackUUID && $0.issourcenat != true }) else {
            throw EC2Error.notFound(.allocation, ids: [allocation.description])
        }
        return row
    }

    /// `NetworkBorderGroup`, when given, must be the gateway's region (its one border group).
    static func checkBorderGroup(_ group: String?, in context: ActionContext) throws(EC2Error) {
        guard let group, group != context.configuration.region else { return }
        throw EC2Error.invalidParameterValue(
            "NetworkBorderGroup '\(XMLSafeName.clip(group))' is not valid: this region's only border group is \(context.configuration.region)"
        )
    }

    /// The association id of a static NAT address: named after the address (CloudStack gives the
    /// association no id of its own), so it is stable and needs no state.
    static func associationID(of address: PublicIPAddress) -> String? {
        guard address.isstaticnat == true, address.virtualmachineid != nil,
            let id = address.id.flatMap({ EC2ID(kind: .association, cloudStackUUID: $0) })
        else { return nil }
        return id.description
    }
}

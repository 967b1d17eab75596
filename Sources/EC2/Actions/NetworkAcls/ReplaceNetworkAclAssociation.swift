import CloudStack

/// `ReplaceNetworkAclAssociation` [listNetworks, listNetworkACLLists, replaceNetworkACLList]: gives the
/// tier of `AssociationId` (`aclassoc-` + the tier's hex) the list `NetworkAclId`, a list of its VPC or
/// a built-in one. The association id names the tier, so it is the same after the change.
enum ReplaceNetworkAclAssociation: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let associationId: String?
        let networkAclId: String?
        enum CodingKeys: String, CodingKey {
            case associationId = "AssociationId"
            case networkAclId = "NetworkAclId"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let newAssociationId: String
        static let templateFields: TemplateFields<Self> = ["newAssociationId": .string(\.newAssociationId)]
    }

    static let name = "ReplaceNetworkAclAssociation"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let association = input.associationId, !association.isEmpty else { throw EC2Error.missingParameter("AssociationId") }
        _ = try EC2ID.parse(association, as: .networkAclAssociation)
        guard let acl = input.networkAclId, !acl.isEmpty else { throw EC2Error.missingParameter("NetworkAclId") }
        _ = try EC2ID.parse(acl, as: .networkAcl)
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let association = try EC2ID.parse(input.associationId ?? "", as: .networkAclAssociation)
        let acl = try EC2ID.parse(input.networkAclId ?? "", as: .networkAcl)
        let tiers = try await context.list(
            CommandTable.listNetworks, ["id": association.cloudStackUUID], context: .ids(.networkAclAssociation, [association.description]))
        guard let tier = tiers.first(where: { $0.id == association.cloudStackUUID }), let vpc = tier.vpcid else {
            throw EC2Error.notFound(.networkAclAssociation, ids: [association.description])
        }
        let list = try await NetworkAclMapping.list(acl, mutable: false, in: context)
        if let own = list.vpcid, own != vpc {
            throw EC2Error.invalidParameterValue(
                "Network ACL \(acl.description) and association \(association.description) belong to different VPCs.")
        }
        if tier.aclid != list.id {
            _ = try await context.run(
                CommandTable.replaceNetworkACLList, ["aclid": acl.cloudStackUUID, "networkid": association.cloudStackUUID])
        }
        return Output(newAssociationId: association.description)
    }
}

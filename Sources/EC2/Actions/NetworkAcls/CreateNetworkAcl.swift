import CloudStack

/// `CreateNetworkAcl` [listVPCs, listNetworkACLLists, createNetworkACLList]: a new ACL list in the
/// VPC, with no items (so only EC2's implicit deny applies, as on EC2). CloudStack lists need a name:
/// the `Name` tag of `TagSpecification` (type `network-acl`), else `ec2-network-acl`; other tags are
/// refused (CloudStack ACL lists carry none). `ClientToken` is kept in the list's description, so a
/// retry with it answers the list it created, across gateways and restarts.
enum CreateNetworkAcl: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let vpcId: String?
        let clientToken: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case vpcId = "VpcId"
            case clientToken = "ClientToken"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let networkAcl: NetworkAclView
        let clientToken: String?
        static let templateFields: TemplateFields<Self> = ["networkAcl": .object(\.networkAcl), "clientToken": .optional(\.clientToken)]
    }

    static let name = "CreateNetworkAcl"
    static let defaultName = "ec2-network-acl"
    static let tokenPrefix = "EC2 CreateNetworkAcl ClientToken "

    static func validate(_ input: Input) throws(EC2Error) {
        guard let vpc = input.vpcId, !vpc.isEmpty else { throw EC2Error.missingParameter("VpcId") }
        _ = try EC2ID.parse(vpc, as: .vpc)
        if let token = input.clientToken, token.utf8.count > 64 {
            throw EC2Error.invalidParameterValue("Value for parameter ClientToken is invalid: it must be at most 64 characters.")
        }
        _ = try listName(input.tagSpecifications)
    }

    /// The list's name from the `Name` tag; any other tag is refused.
    static func listName(_ specifications: [TagSpecification]?) throws(EC2Error) -> String {
        let tags = try TagSpecification.tags(specifications, for: "network-acl", allowed: ["network-acl"])
        if let other = tags.first(where: { $0.key != "Name" }) {
            throw EC2Error.unsupportedOperation(
                "The tag '\(XMLSafeName.clip(other.key))' is not supported: a CloudStack network ACL list carries only its name (the Name tag)."
            )
        }
        guard let name = tags.first?.value, !name.isEmpty else { return defaultName }
        return name
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let vpc = try EC2ID.parse(input.vpcId ?? "", as: .vpc)
        if vpc.hex == String(repeating: "0", count: 32) {
            throw EC2Error(
                code: "OperationNotPermitted",
                message: "The default VPC \(vpc.description) is CloudStack's zone networks, which have no network ACLs.")
        }
        _ = try await VPCRouting.router(for: vpc, in: context)
        let token = input.clientToken.flatMap { $0.isEmpty ? nil : $0 }
        var description = "Created by EC2 CreateNetworkAcl"
        if let token {
            description = tokenPrefix + token
            let lists = try await context.list(CommandTable.listNetworkACLLists, ["vpcid": vpc.cloudStackUUID])
            if let earlier = lists.first(where: { $0.vpcid == vpc.cloudStackUUID && $0.description == description }) {
                return try await output(earlier, vpc: vpc, token: token, in: context)
            }
        }
        let list = try await context.run(
            CommandTable.createNetworkACLList,
            ["vpcid": vpc.cloudStackUUID, "name": try listName(input.tagSpecifications), "description": description],
            context: .ids(.vpc, [vpc.description]))
        return try await output(list, vpc: vpc, token: token, in: context)
    }

    private static func output(_ list: NetworkACLList, vpc: EC2ID, token: String?, in context: ActionContext) async throws -> Output {
        let views = try await NetworkAclMapping.views(vpcUUID: vpc.cloudStackUUID, in: context)
        guard let id = list.id.flatMap({ EC2ID(kind: .networkAcl, cloudStackUUID: $0) }),
            let view = views.first(where: { $0.networkAclId == id.description })
        else { throw EC2Error.internalError() }
        return Output(networkAcl: view, clientToken: token)
    }
}

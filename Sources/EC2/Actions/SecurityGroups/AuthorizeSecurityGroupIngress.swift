import CloudStack

/// `AuthorizeSecurityGroupIngress` [authorizeSecurityGroupIngress]: `IpPermissions.N` (several per call; protocol
/// names or numbers, `-1`, ICMP type and code in FromPort/ToPort, IPv4 CIDRs and other groups as sources) or
/// the legacy flat members; one CloudStack call per permission, answered with the new rules.
enum AuthorizeSecurityGroupIngress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable, SecurityGroupRuleRequest {
        let groupId: String?
        let groupName: String?
        let ipPermissions: [IpPermissionInput]?
        let ipProtocol: String?
        let fromPort: Int?
        let toPort: Int?
        let cidrIp: String?
        let sourceSecurityGroupName: String?
        let sourceSecurityGroupOwnerId: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case groupId = "GroupId"
            case groupName = "GroupName"
            case ipPermissions = "IpPermissions"
            case ipProtocol = "IpProtocol"
            case fromPort = "FromPort"
            case toPort = "ToPort"
            case cidrIp = "CidrIp"
            case sourceSecurityGroupName = "SourceSecurityGroupName"
            case sourceSecurityGroupOwnerId = "SourceSecurityGroupOwnerId"
            case tagSpecifications = "TagSpecification"
        }

        /// The requested permissions.
        var requested: [(IpPermissionInput, String)] {
            get throws(EC2Error) { try SecurityGroupPermissions.requested(ipPermissions, flat: flatPermission) }
        }
    }

    typealias Output = AuthorizedRulesOutput

    static let name = "AuthorizeSecurityGroupIngress"

    static func validate(_ input: Input) throws(EC2Error) {
        _ = try input.requested
        if try !TagSpecification.tags(input.tagSpecifications, for: "security-group-rule", allowed: ["security-group-rule"]).isEmpty {
            throw EC2Error.invalidParameterValue("TagSpecification: CloudStack security-group rules cannot be tagged here.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let groups = try await SecurityGroupLookup.all(in: context)
        let group = try SecurityGroupLookup.require(id: input.groupId, name: input.groupName, in: groups)
        let permissions = try SecurityGroupPermissions.rules(try input.requested, groups: groups, owner: group.account ?? "")
        let added = try await SecurityGroupRuleChange.authorize(permissions, on: group, ingress: true, groups: groups, in: context)
        return Output(securityGroupRuleSet: added)
    }
}

import CloudStack

/// `RevokeSecurityGroupEgress` [revokeSecurityGroupEgress]: the rules named by `SecurityGroupRuleId.N`, by
/// `IpPermissions.N` or by the legacy flat members (each must exist: `InvalidPermission.NotFound`), one CloudStack job per rule.
enum RevokeSecurityGroupEgress: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable, SecurityGroupRuleRequest {
        let groupId: String?
        let ipPermissions: [IpPermissionInput]?
        let ipProtocol: String?
        let fromPort: Int?
        let toPort: Int?
        let cidrIp: String?
        let sourceSecurityGroupName: String?
        let sourceSecurityGroupOwnerId: String?
        let securityGroupRuleIds: [String]?
        enum CodingKeys: String, CodingKey {
            case groupId = "GroupId"
            case ipPermissions = "IpPermissions"
            case ipProtocol = "IpProtocol"
            case fromPort = "FromPort"
            case toPort = "ToPort"
            case cidrIp = "CidrIp"
            case sourceSecurityGroupName = "SourceSecurityGroupName"
            case sourceSecurityGroupOwnerId = "SourceSecurityGroupOwnerId"
            case securityGroupRuleIds = "SecurityGroupRuleId"
        }

        /// The requested permissions, nil when none are given.
        var requested: [(IpPermissionInput, String)]? {
            get throws(EC2Error) {
                let flat = flatPermission
                if flat == nil && (ipPermissions ?? []).isEmpty {
                    if (securityGroupRuleIds ?? []).isEmpty { throw EC2Error.missingParameter("IpPermissions") }
                    return nil
                }
                return try SecurityGroupPermissions.requested(ipPermissions, flat: flat)
            }
        }
    }

    typealias Output = RevokedRulesOutput

    static let name = "RevokeSecurityGroupEgress"

    static func validate(_ input: Input) throws(EC2Error) { _ = try input.requested }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let groups = try await SecurityGroupLookup.all(in: context)
        let group = try SecurityGroupLookup.require(id: input.groupId, name: nil, in: groups)
        let revoked = try await SecurityGroupRuleChange.revoke(
            group: group, ruleIDs: input.securityGroupRuleIds, requested: try input.requested, ingress: false, groups: groups, in: context)
        return Output(revokedSecurityGroupRuleSet: revoked)
    }
}

/// The members Authorize/RevokeSecurityGroupIngress/Egress share: `IpPermissions.N` and the legacy flat
/// members (`IpProtocol`, `FromPort`, `ToPort`, `CidrIp`, `SourceSecurityGroupName/OwnerId`).
protocol SecurityGroupRuleRequest {
    var ipPermissions: [IpPermissionInput]? { get }
    var ipProtocol: String? { get }
    var fromPort: Int? { get }
    var toPort: Int? { get }
    var cidrIp: String? { get }
    var sourceSecurityGroupName: String? { get }
    var sourceSecurityGroupOwnerId: String? { get }
}

extension SecurityGroupRuleRequest {
    /// The legacy flat members as one permission, nil when none is given.
    var flatPermission: IpPermissionInput? {
        SecurityGroupPermissions.flat(
            ipProtocol: ipProtocol, fromPort: fromPort, toPort: toPort, cidrIp: cidrIp, sourceGroupName: sourceSecurityGroupName,
            sourceGroupOwner: sourceSecurityGroupOwnerId)
    }
}

/// What AuthorizeSecurityGroupIngress and AuthorizeSecurityGroupEgress answer: the new rules.
struct AuthorizedRulesOutput: TemplateModel {
    let securityGroupRuleSet: [SecurityGroupRuleView]
    static let templateFields: TemplateFields<Self> = [
        "return": .bool { _ in true }, "securityGroupRuleSet": .list(\.securityGroupRuleSet),
    ]
}

/// What RevokeSecurityGroupIngress and RevokeSecurityGroupEgress answer: the rules removed.
struct RevokedRulesOutput: TemplateModel {
    let revokedSecurityGroupRuleSet: [SecurityGroupRuleView]
    static let templateFields: TemplateFields<Self> = [
        "return": .bool { _ in true }, "revokedSecurityGroupRuleSet": .list(\.revokedSecurityGroupRuleSet),
    ]
}

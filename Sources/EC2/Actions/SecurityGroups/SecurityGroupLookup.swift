import CloudStack

/// Finds the security group an action names by `GroupId` or `GroupName`, among the caller's groups.
enum SecurityGroupLookup {
    /// The caller's groups (one listSecurityGroups, paged through).
    static func all(in context: ActionContext) async throws(EC2Error) -> [SecurityGroup] {
        try await context.list(CommandTable.listSecurityGroups)
    }

    /// The group named by id or name; `MissingParameter` naming `GroupId` if neither is given.
    static func require(id: String?, name: String?, in groups: [SecurityGroup]) throws(EC2Error) -> SecurityGroup {
        if let id, !id.isEmpty {
            let parsed = try EC2ID.parse(id, as: .securityGroup)
            guard let group = groups.first(where: { $0.id == parsed.cloudStackUUID }) else {
                throw EC2Error.notFound(.securityGroup, ids: [parsed.description])
            }
            if let name, !name.isEmpty, name != group.name {
                throw EC2Error.invalidParameterCombination("GroupId \(parsed.description) and GroupName name different groups.")
            }
            return group
        }
        if let name, !name.isEmpty {
            guard let group = groups.first(where: { $0.name == name }) else { throw notFound(name: name) }
            return group
        }
        throw EC2Error.missingParameter("GroupId")
    }

    /// EC2's answer for a group name that names nothing.
    static func notFound(name: String) -> EC2Error {
        EC2Error(
            code: "InvalidGroup.NotFound",
            message: "The security group '\(XMLSafeName.clip(name))' does not exist in default VPC '\(SecurityGroupMapping.defaultVpcID)'")
    }

    /// The EC2 id of a CloudStack group.
    static func ec2ID(_ group: SecurityGroup) -> String {
        group.id.flatMap { EC2ID(kind: .securityGroup, cloudStackUUID: $0)?.description } ?? ""
    }
}

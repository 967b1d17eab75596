import CloudStack

/// `CreateSecurityGroup` [createSecurityGroup]: a CloudStack security group of the caller's account, in the
/// default VPC (docs/decisions/0009-ec2-network-model.md): any other `VpcId` is refused naming it.
enum CreateSecurityGroup: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let groupName: String?
        let groupDescription: String?
        let vpcId: String?
        let tagSpecifications: [TagSpecification]?
        enum CodingKeys: String, CodingKey {
            case groupName = "GroupName"
            case groupDescription = "GroupDescription"
            case vpcId = "VpcId"
            case tagSpecifications = "TagSpecification"
        }
    }

    /// The result.
    struct Output: TemplateModel {
        let groupId: String
        let tagSet: [TagView]
        static let templateFields: TemplateFields<Self> = ["groupId": .string(\.groupId), "tagSet": .list(\.tagSet)]
    }

    static let name = "CreateSecurityGroup"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let name = input.groupName, !name.isEmpty else { throw EC2Error.missingParameter("GroupName") }
        guard let description = input.groupDescription, !description.isEmpty else { throw EC2Error.missingParameter("GroupDescription") }
        guard name.utf8.count <= 255 else { throw EC2Error.invalidParameterValue("GroupName is longer than 255 characters.") }
        guard description.utf8.count <= 255 else { throw EC2Error.invalidParameterValue("GroupDescription is longer than 255 characters.") }
        if name.lowercased().hasPrefix("sg-") {
            throw EC2Error.invalidParameterValue("Group names may not be in the format sg-*: '\(XMLSafeName.clip(name))'.")
        }
        if name.lowercased() == "default" {
            throw EC2Error(code: "InvalidGroup.Reserved", message: "The security group 'default' is reserved.")
        }
        if let vpc = input.vpcId, !vpc.isEmpty {
            let id = try EC2ID.parse(vpc, as: .vpc)
            guard id.description == SecurityGroupMapping.defaultVpcID else {
                throw EC2Error.invalidParameterValue(
                    "VpcId \(id.description): CloudStack VPCs have network ACLs, not security groups; security groups belong to the default VPC \(SecurityGroupMapping.defaultVpcID)."
                )
            }
        }
        _ = try TagSpecification.tags(input.tagSpecifications, for: "security-group", allowed: ["security-group"])
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard let name = input.groupName, let description = input.groupDescription else { throw EC2Error.missingParameter("GroupName") }
        let tags = try TagSpecification.tags(input.tagSpecifications, for: "security-group", allowed: ["security-group"])
        let groups = try await SecurityGroupLookup.all(in: context)
        if groups.contains(where: { $0.name?.lowercased() == name.lowercased() }) {
            throw EC2Error(
                code: "InvalidGroup.Duplicate",
                message: "The security group '\(XMLSafeName.clip(name))' already exists for VPC '\(SecurityGroupMapping.defaultVpcID)'")
        }
        let group = try await context.call(CommandTable.createSecurityGroup, ["name": name, "description": description])
        guard let uuid = group.id else { throw EC2Error.internalError() }
        // The group exists now: a failure to tag it must not make the client create it again.
        try? await context.createTags(tags, on: [uuid], resourceType: "SecurityGroup")
        return Output(groupId: SecurityGroupLookup.ec2ID(group), tagSet: tags.map { TagView(key: $0.key, value: $0.value) })
    }
}

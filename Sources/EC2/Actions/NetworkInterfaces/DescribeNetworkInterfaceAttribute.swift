import CloudStack

/// `DescribeNetworkInterfaceAttribute` [listVirtualMachines]: one of `description` (a CloudStack NIC has
/// none: empty), `groupSet` (the VM's security groups), `sourceDestCheck` (always true: CloudStack has no
/// switch for it), `attachment`, `associatePublicIpAddress` (whether an Elastic IP is NATed to it).
enum DescribeNetworkInterfaceAttribute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let networkInterfaceId: String?
        let attribute: String?
        enum CodingKeys: String, CodingKey {
            case networkInterfaceId = "NetworkInterfaceId"
            case attribute = "Attribute"
        }
    }

    /// The result: the interface id and the one attribute asked for.
    struct Output: TemplateModel {
        let networkInterfaceId: String
        let description: String?
        /// `true`/`false` text, so the template writes it as the optional value it is.
        let sourceDestCheck: String?
        let groupSet: [GroupView]?
        let attachment: NetworkInterfaceAttachmentView?
        let associatePublicIpAddress: String?
        static let templateFields: TemplateFields<Self> = [
            "networkInterfaceId": .string(\.networkInterfaceId),
            "description": .optional(\.description),
            "sourceDestCheck": .optional(\.sourceDestCheck),
            "hasGroupSet": .bool { $0.groupSet != nil },
            "groupSet": .list { $0.groupSet ?? [] },
            "attachment": .optional(\.attachment),
            "associatePublicIpAddress": .optional(\.associatePublicIpAddress),
        ]
    }

    static let name = "DescribeNetworkInterfaceAttribute"

    /// The attribute names EC2 takes (`NetworkInterfaceAttribute`).
    static let attributes = ["description", "groupSet", "sourceDestCheck", "attachment", "associatePublicIpAddress"]

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.networkInterfaceId else { throw EC2Error.missingParameter("NetworkInterfaceId") }
        _ = try EC2ID.parse(id, as: .networkInterface)
        guard let attribute = input.attribute else { throw EC2Error.missingParameter("Attribute") }
        guard attributes.contains(attribute) else {
            throw EC2Error.invalidParameterValue(
                name: "Attribute", value: XMLSafeName.clip(attribute), expected: attributes.joined(separator: ", "))
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (vm, nic) = try await NetworkInterfaceLookup.require(id: input.networkInterfaceId, in: context)
        guard let view = NetworkInterfaceLookup.view(of: nic, on: vm) else { throw EC2Error.internalError() }
        let attribute = input.attribute ?? ""
        return Output(
            networkInterfaceId: view.networkInterfaceId,
            description: attribute == "description" ? view.description : nil,
            sourceDestCheck: attribute == "sourceDestCheck" ? String(view.sourceDestCheck) : nil,
            groupSet: attribute == "groupSet" ? view.groupSet : nil,
            attachment: attribute == "attachment" ? view.attachment : nil,
            associatePublicIpAddress: attribute == "associatePublicIpAddress" ? String(view.association != nil) : nil)
    }
}

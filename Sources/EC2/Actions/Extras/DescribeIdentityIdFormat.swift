/// `DescribeIdentityIdFormat` [no CloudStack call]: long ids for every principal and resource type.
enum DescribeIdentityIdFormat: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let principalArn: String
        let resource: String?
        enum CodingKeys: String, CodingKey {
            case principalArn = "PrincipalArn"
            case resource = "Resource"
        }
    }

    typealias Output = IdFormatOutput
    static let name = "DescribeIdentityIdFormat"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        guard !input.principalArn.isEmpty else { throw EC2Error.missingParameter("PrincipalArn") }
        return IdFormatOutput(statusSet: try IdFormatView.statuses(input.resource))
    }
}

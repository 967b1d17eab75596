/// `DescribeIdFormat` [no CloudStack call]: every resource type uses long ids, with no deadline.
enum DescribeIdFormat: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let resource: String?
        enum CodingKeys: String, CodingKey { case resource = "Resource" }
    }

    typealias Output = IdFormatOutput
    static let name = "DescribeIdFormat"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        IdFormatOutput(statusSet: try IdFormatView.statuses(input.resource))
    }
}

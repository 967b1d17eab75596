/// `DescribeAggregateIdFormat` [no CloudStack call]: long ids everywhere, so `useLongIdsAggregated` is true.
enum DescribeAggregateIdFormat: EC2Action {
    /// Wire input (only `DryRun`, handled by the pipeline).
    struct Input: Decodable, Sendable {}

    typealias Output = IdFormatOutput
    static let name = "DescribeAggregateIdFormat"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        IdFormatOutput(statusSet: try IdFormatView.statuses(nil))
    }
}

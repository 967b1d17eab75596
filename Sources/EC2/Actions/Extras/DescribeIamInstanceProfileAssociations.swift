/// `DescribeIamInstanceProfileAssociations` [no CloudStack call]: CloudStack has no IAM instance
/// profiles, so there are no associations; an association id asked for does not exist.
enum DescribeIamInstanceProfileAssociations: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let associationIds: [String]?
        let filters: [Filter]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case associationIds = "AssociationId"
            case filters = "Filter"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// The result: always empty.
    struct Output: TemplateModel {
        static let templateFields: TemplateFields<Self> = [:]
    }

    static let name = "DescribeIamInstanceProfileAssociations"

    static let filterTable = FilterTable<String>(["instance-id": .init { [$0] }, "state": .init { [$0] }])

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        _ = try FilterSet(input.filters, table: filterTable)
        _ = try MaxResults.validate(input.maxResults)
        if let ids = input.associationIds, !ids.isEmpty {
            throw EC2Error(
                code: "InvalidAssociationID.NotFound",
                message: "The association ID '\(XMLSafeName.clip(ids.joined(separator: ", ")))' does not exist")
        }
        if let token = input.nextToken, !token.isEmpty { throw EC2Error.invalidNextToken() }
        return Output()
    }
}

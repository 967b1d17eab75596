import CloudStack

/// `DescribePrincipalIdFormat` [listAccounts]: one principal, the caller's account root
/// (`arn:aws:iam::<CloudStack account name>:root`), with long ids for the resources asked for.
enum DescribePrincipalIdFormat: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let resources: [String]?
        let maxResults: Int?
        let nextToken: String?
        enum CodingKeys: String, CodingKey {
            case resources = "Resource"
            case maxResults = "MaxResults"
            case nextToken = "NextToken"
        }
    }

    /// botocore shape `PrincipalIdFormat`.
    struct Principal: TemplateModel {
        let arn: String
        let statusSet: [IdFormatView]
        static let templateFields: TemplateFields<Self> = ["arn": .string(\.arn), "statusSet": .list(\.statusSet)]
    }

    /// The result.
    struct Output: TemplateModel {
        let principalSet: [Principal]
        let nextToken: String?
        static let templateFields: TemplateFields<Self> = ["principalSet": .list(\.principalSet), "nextToken": .optional(\.nextToken)]
    }

    static let name = "DescribePrincipalIdFormat"

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let maxResults = try MaxResults.validate(input.maxResults, range: 1...1000)
        var statuses: [IdFormatView] = []
        for resource in input.resources ?? [] { statuses += try IdFormatView.statuses(resource) }
        if input.resources?.isEmpty ?? true { statuses = try IdFormatView.statuses(nil) }
        let accounts = try await context.list(CommandTable.listAccounts)
        guard let account = accounts.first?.name else { throw EC2Error.internalError() }
        let principals = [Principal(arn: "arn:aws:iam::\(account):root", statusSet: statuses)]
        let scope = Pager.scope([name, context.accessKeyID, (input.resources ?? []).joined(separator: ",")])
        let page = try Pager(codec: context.pageTokens, scope: scope).page(
            principals, key: \.arn, maxResults: maxResults, nextToken: input.nextToken)
        return Output(principalSet: page.items, nextToken: page.nextToken)
    }
}

/// The result of DescribeIdFormat, DescribeIdentityIdFormat and DescribeAggregateIdFormat: `statusSet`.
struct IdFormatOutput: TemplateModel {
    let statusSet: [IdFormatView]
    static let templateFields: TemplateFields<Self> = ["statusSet": .list(\.statusSet)]
}

/// botocore shape `Region`.
struct RegionView: TemplateModel {
    let regionName: String
    let regionEndpoint: String
    let optInStatus: String

    static let templateFields: TemplateFields<Self> = [
        "regionName": .string(\.regionName),
        "regionEndpoint": .string(\.regionEndpoint),
        "optInStatus": .string(\.optInStatus),
    ]

    /// EC2 reports endpoints as host names (`ec2.us-east-1.amazonaws.com`); strip scheme and path.
    static func host(of url: String) -> String {
        var text = Substring(url)
        if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        return String(text)
    }
}

/// botocore shape `AccountAttribute`: a name and its values.
struct AccountAttributeView: TemplateModel {
    let attributeName: String
    let attributeValues: [String]
    static let templateFields: TemplateFields<Self> = [
        "attributeName": .string(\.attributeName), "attributeValueSet": .list(\.attributeValues),
    ]
}

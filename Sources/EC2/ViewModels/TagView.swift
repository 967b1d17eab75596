/// botocore shape `Tag`.
struct TagView: TemplateModel {
    let key: String
    let value: String
    static let templateFields: TemplateFields<Self> = ["key": .string(\.key), "value": .string(\.value)]
}

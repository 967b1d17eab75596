/// botocore shape `TagDescription`.
struct TagDescriptionView: TemplateModel {
    let key: String
    let resourceId: String
    let resourceType: String
    let value: String
    /// Every user tag of the same resource, for `tag:<key>` filters (not rendered).
    var resourceTags: [(key: String, value: String)] = []

    /// The page key: resource id, then tag key.
    var pageKey: String { resourceId + "\u{0}" + key }

    static let templateFields: TemplateFields<Self> = [
        "key": .string(\.key), "resourceId": .string(\.resourceId), "resourceType": .string(\.resourceType), "value": .string(\.value),
    ]
}

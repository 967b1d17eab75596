/// The `<imageId>` answer of CreateImage and RegisterImage.
struct ImageIdView: TemplateModel {
    let imageId: String
    static let templateFields: TemplateFields<Self> = ["imageId": .string(\.imageId)]
}

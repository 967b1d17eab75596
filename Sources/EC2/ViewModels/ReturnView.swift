/// The `<return>true</return>` body of actions that answer only whether they succeeded.
struct ReturnView: TemplateModel {
    let value: Bool
    /// `return`: the flag.
    static let templateFields: TemplateFields<Self> = ["return": .bool(\.value)]
}

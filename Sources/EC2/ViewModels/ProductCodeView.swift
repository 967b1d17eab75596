/// botocore shape `ProductCode`; CloudStack templates carry none, so lists of these stay empty.
struct ProductCodeView: TemplateModel {
    let productCode: String
    let type: String
    static let templateFields: TemplateFields<Self> = ["productCode": .string(\.productCode), "type": .string(\.type)]
}

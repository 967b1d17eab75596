/// botocore shape `Placement` (the members an instance reports).
struct PlacementView: TemplateModel {
    let availabilityZone: String
    let tenancy: String
    static let templateFields: TemplateFields<Self> = [
        "availabilityZone": .string(\.availabilityZone), "tenancy": .string(\.tenancy),
    ]
}

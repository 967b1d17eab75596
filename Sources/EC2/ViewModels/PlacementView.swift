/// botocore shape `Placement` (the members an instance reports).
struct PlacementView: TemplateModel {
    let availabilityZone: String
    /// The instance's placement group: its first CloudStack affinity group of a placement-group type.
    var groupName: String? = nil
    let tenancy: String
    static let templateFields: TemplateFields<Self> = [
        "availabilityZone": .string(\.availabilityZone), "groupName": .optional(\.groupName), "tenancy": .string(\.tenancy),
    ]
}

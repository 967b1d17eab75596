/// botocore shape `DhcpOptions`: the one fixed set every CloudStack guest network is served.
struct DhcpOptionsView: TemplateModel {
    let dhcpOptionsId: String
    let ownerId: String
    let dhcpConfigurationSet: [DhcpConfigurationView]

    static let templateFields: TemplateFields<Self> = [
        "dhcpOptionsId": .string(\.dhcpOptionsId),
        "ownerId": .string(\.ownerId),
        "dhcpConfigurationSet": .list(\.dhcpConfigurationSet),
    ]
}

/// botocore shape `DhcpConfiguration`: one key and its values.
struct DhcpConfigurationView: TemplateModel {
    let key: String
    let valueSet: [String]

    static let templateFields: TemplateFields<Self> = ["key": .string(\.key), "valueSet": .list(\.valueSet)]
}

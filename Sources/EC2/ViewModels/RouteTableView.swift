/// botocore shape `RouteTable`: the main route table of one CloudStack VPC.
struct RouteTableView: TemplateModel {
    let routeTableId: String
    let vpcId: String
    let ownerId: String
    let routeSet: [RouteView]
    let associationSet: [RouteTableAssociationView]
    /// The VPC's tiers: every one uses the main table (filter `association.subnet-id`).
    let subnetIds: [String]

    static let templateFields: TemplateFields<Self> = [
        "routeTableId": .string(\.routeTableId),
        "vpcId": .string(\.vpcId),
        "ownerId": .string(\.ownerId),
        "routeSet": .list(\.routeSet),
        "associationSet": .list(\.associationSet),
    ]
}

/// botocore shape `Route`: the `local` route, the default route to the internet gateway, or a static route.
struct RouteView: TemplateModel {
    let destinationCidrBlock: String
    let gatewayId: String?
    let localGatewayId: String?
    /// `CreateRouteTable` or `CreateRoute`.
    let origin: String
    /// `active` or `blackhole`.
    let state: String

    static let templateFields: TemplateFields<Self> = [
        "destinationCidrBlock": .string(\.destinationCidrBlock),
        "gatewayId": .optional(\.gatewayId),
        "localGatewayId": .optional(\.localGatewayId),
        "origin": .string(\.origin),
        "state": .string(\.state),
    ]
}

/// botocore shape `RouteTableAssociation`: the VPC's main association.
struct RouteTableAssociationView: TemplateModel {
    let routeTableAssociationId: String
    let routeTableId: String
    let main: Bool

    static let templateFields: TemplateFields<Self> = [
        "routeTableAssociationId": .string(\.routeTableAssociationId),
        "routeTableId": .string(\.routeTableId),
        "main": .bool(\.main),
    ]
}

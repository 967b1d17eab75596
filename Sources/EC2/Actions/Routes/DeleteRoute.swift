import CloudStack

/// `DeleteRoute` [listVPCs, listStaticRoutes, deleteStaticRoute]: removes the static route to
/// `DestinationCidrBlock`. The `local` route and the default route to the internet gateway are the
/// VPC router's own and cannot be removed (`InvalidParameterValue`, `UnsupportedOperation`).
enum DeleteRoute: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let routeTableId: String?
        let destinationCidrBlock: String?
        let destinationIpv6CidrBlock: String?
        let destinationPrefixListId: String?
        enum CodingKeys: String, CodingKey {
            case routeTableId = "RouteTableId"
            case destinationCidrBlock = "DestinationCidrBlock"
            case destinationIpv6CidrBlock = "DestinationIpv6CidrBlock"
            case destinationPrefixListId = "DestinationPrefixListId"
        }
    }

    typealias Output = ReturnView
    static let name = "DeleteRoute"

    static func validate(_ input: Input) throws(EC2Error) {
        if (input.routeTableId ?? "").isEmpty { throw EC2Error.missingParameter("RouteTableId") }
        if input.destinationIpv6CidrBlock != nil {
            throw EC2Error.unsupportedOperation(
                "The parameter DestinationIpv6CidrBlock is not supported: CloudStack VPC static routes are IPv4.")
        }
        if input.destinationPrefixListId != nil {
            throw EC2Error.unsupportedOperation("The parameter DestinationPrefixListId is not supported: CloudStack has no prefix lists.")
        }
        guard let cidr = input.destinationCidrBlock, !cidr.isEmpty else { throw EC2Error.missingParameter("DestinationCidrBlock") }
        guard IPv4CIDR.isValid(cidr) else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(cidr))) for parameter destinationCidrBlock is invalid.")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let table = try EC2ID.parse(input.routeTableId ?? "", as: .routeTable)
        let router = try await VPCRouting.router(for: table, in: context)
        let cidr = IPv4CIDR.normalised(input.destinationCidrBlock ?? "")
        let route = try RouteLookup.staticRoute(cidr, in: router)
        _ = try await context.run(CommandTable.deleteStaticRoute, ["id": route.id ?? ""])
        return ReturnView(value: true)
    }
}

/// Finds the static route behind a route table's destination, refusing the router's own routes.
enum RouteLookup {
    /// The static route to `cidr`; the `local` and internet routes are refused, no route is `InvalidRoute.NotFound`.
    static func staticRoute(_ cidr: String, in router: VPCRouting.Router) throws(EC2Error) -> StaticRoute {
        if cidr == IPv4CIDR.normalised(router.vpc.cidr ?? "") {
            throw EC2Error.invalidParameterValue("cannot remove local route \(cidr) in route table \(router.routeTableID)")
        }
        if let route = router.staticRoutes.first(where: { IPv4CIDR.normalised($0.cidr ?? "") == cidr }) { return route }
        if cidr == "0.0.0.0/0" && router.hasInternet {
            throw EC2Error.unsupportedOperation(
                "The route 0.0.0.0/0 to \(router.internetGatewayID) is the CloudStack VPC router's source NAT and cannot be changed.")
        }
        throw EC2Error(
            code: "InvalidRoute.NotFound", message: "no route with destination-cidr-block \(cidr) in route table \(router.routeTableID)")
    }
}

import CloudStack

/// `CreateRoute` [listVPCs, listStaticRoutes, listPrivateGateways, createStaticRoute]: a static route
/// on the VPC's router from `DestinationCidrBlock` to one of its private gateways, `LocalGatewayId`
/// `lgw-` + the gateway's hex. A destination the table already routes is `RouteAlreadyExists`; other
/// targets are refused naming the member (`RouteTarget`).
enum CreateRoute: EC2Action {
    typealias Input = RouteTarget
    typealias Output = ReturnView
    static let name = "CreateRoute"

    static func validate(_ input: Input) throws(EC2Error) { try input.validate() }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (router, gateway, cidr) = try await input.resolve(in: context)
        if router.routeTable.routeSet.contains(where: { $0.destinationCidrBlock == cidr }) {
            throw EC2Error(
                code: "RouteAlreadyExists", message: "The route identified by \(cidr) already exists in route table \(router.routeTableID)."
            )
        }
        _ = try await context.run(CommandTable.createStaticRoute, ["cidr": cidr, "gatewayid": gateway.id ?? ""])
        return ReturnView(value: true)
    }
}

import CloudStack

/// `ReplaceRoute` [listVPCs, listStaticRoutes, listPrivateGateways, deleteStaticRoute, createStaticRoute]:
/// points an existing static route at another private gateway. CloudStack cannot change a static
/// route's gateway, so the route is deleted and created again (a moment without it); the same
/// gateway is a no-op.
enum ReplaceRoute: EC2Action {
    typealias Input = RouteTarget
    typealias Output = ReturnView
    static let name = "ReplaceRoute"

    static func validate(_ input: Input) throws(EC2Error) { try input.validate() }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let (router, gateway, cidr) = try await input.resolve(in: context)
        let route = try RouteLookup.staticRoute(cidr, in: router)
        if route.gatewayid == gateway.id { return ReturnView(value: true) }
        _ = try await context.run(CommandTable.deleteStaticRoute, ["id": route.id ?? ""])
        _ = try await context.run(CommandTable.createStaticRoute, ["cidr": cidr, "gatewayid": gateway.id ?? ""])
        return ReturnView(value: true)
    }
}

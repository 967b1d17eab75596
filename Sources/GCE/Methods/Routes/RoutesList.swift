import Pipeline

/// `compute.routes.list` [listNetworks, listVPCs, listStaticRoutes, listPrivateGateways]: system routes, then
/// static routes (`RouteTable`).
enum RoutesList: GCEMethod {
    static let id = "compute.routes.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/routes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Route> {
        try context.list(
            try await context.routeTable().entries.map(\.route), options: input.options, kind: "compute#routeList",
            collection: "global/routes", name: \.name)
    }
}

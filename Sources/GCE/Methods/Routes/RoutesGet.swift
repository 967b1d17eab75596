import Pipeline

/// `compute.routes.get` [as routes.list]: a system or static route by name or numeric id.
enum RoutesGet: GCEMethod {
    static let id = "compute.routes.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/routes/{route}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "route") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Route { try await context.route(input.name).route }
}

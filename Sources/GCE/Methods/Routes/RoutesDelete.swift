import CloudStack
import Pipeline

/// `compute.routes.delete` [deleteStaticRoute]: a static route; a system route (synthesised from the network) is a
/// 400, as CloudStack keeps a VPC's and a tier's routing itself.
enum RoutesDelete: GCEMethod {
    static let id = "compute.routes.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/routes/{route}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "route") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let entry = try await context.route(input.name)
        guard let id = entry.staticRouteID else {
            throw GCEError.invalid(
                "Invalid value for field 'route': '\(entry.route.name)' is a system route of its network, which CloudStack keeps itself; it cannot be deleted"
            )
        }
        let receipt = try await context.call(CommandTable.deleteStaticRoute, ["id": id])
        return context.started(.routeDelete, job: receipt.jobid, target: id, scope: .global, targetName: entry.route.name)
    }
}

import CloudStack
import Pipeline

/// `compute.routes.insert` [listPrivateGateways vpcid=…, createStaticRoute cidr gatewayid, createTags]: a static
/// route of the network's VPC to the private gateway whose next hop (`gateway`) is `nextHopIp`. A network that is
/// not a VPC has no private gateways: 400 naming `network`.
enum RoutesInsert: GCEMethod {
    static let id = "compute.routes.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/routes"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RouteBody { try RouteBody(request) }

    static func call(_ input: RouteBody, in context: MethodCall) async throws -> Operation {
        let table = try await context.routeTable()
        if table.entry(input.name) != nil { throw GCEError.alreadyExists("projects/\(context.project)/global/routes/\(input.name)") }
        guard let network = table.networks.first(where: { $0.name == input.network }) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.network)")
        }
        guard let vpc = network.vpcID else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.network': '\(network.name)' is not a CloudStack VPC; static routes need a VPC's private gateway"
            )
        }
        let gateways = try await context.listAll(CommandTable.listPrivateGateways, ["vpcid": vpc])
        guard let gateway = gateways.first(where: { $0.gateway == input.nextHopIp }), let gatewayID = gateway.id else {
            let known = gateways.compactMap(\.gateway).joined(separator: ", ")
            throw GCEError.invalid(
                "Invalid value for field 'resource.nextHopIp': '\(input.nextHopIp)' is not the next hop of a private gateway of network '\(network.name)' (\(known.isEmpty ? "it has none" : known))"
            )
        }
        let receipt = try await context.call(CommandTable.createStaticRoute, ["cidr": input.destRange, "gatewayid": gatewayID])
        guard let id = receipt.id else { throw GCEError.backend("createStaticRoute answered no route id") }
        do {
            var tags: Parameters = ["resourceids": id, "resourcetype": "StaticRoute"]
            tags.setTags(input.tags)
            try await context.awaitJob(try await context.call(CommandTable.createTags, tags).jobid)
        } catch {
            // An unnamed route would be listed as `route-…` and the client would create another: take it back.
            _ = try? await context.call(CommandTable.deleteStaticRoute, ["id": id])
            throw error
        }
        return context.started(.routeInsert, job: receipt.jobid, target: id, scope: .global, targetName: input.name)
    }
}

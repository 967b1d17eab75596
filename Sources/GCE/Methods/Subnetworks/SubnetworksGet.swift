import Pipeline

/// `compute.subnetworks.get` [listRegions, listNetworks]: one CloudStack guest network (see `NetworkMap`).
enum SubnetworksGet: GCEMethod {
    static let id = "compute.subnetworks.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/subnetworks/{subnetwork}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalResourceInput {
        try SubnetworkViews.check(request)
        return try RegionalResourceInput(request, "subnetwork")
    }

    static func call(_ input: RegionalResourceInput, in context: MethodCall) async throws -> Subnetwork {
        let region = try await context.region(input.region)
        let all = try await context.networkMap().subnetworks(region: region.name, links: context.links)
        let wanted = ResourceID.isNumeric(input.name) ? UInt64(input.name) : nil
        guard let found = all.first(where: { subnetwork in wanted.map { subnetwork.id == $0 } ?? (subnetwork.name == input.name) }) else {
            throw GCEError.notFound("projects/\(context.project)/regions/\(region.name)/subnetworks/\(input.name)")
        }
        return found
    }
}

import Pipeline

/// `compute.networks.get` [listNetworks, listRegions]: `default` always resolves (see `NetworkMap`).
enum NetworksGet: GCEMethod {
    static let id = "compute.networks.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/networks/{network}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "network") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Network {
        let map = try await context.networkMap()
        guard let entry = map.network(input.name) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.name)")
        }
        let region = try await context.localRegion()
        return NetworkMap(entries: [entry]).networks(region: region.name, links: context.links)[0]
    }
}

import Pipeline

/// `compute.networks.list` [listNetworks, listRegions]: `default` (the basic and security-group zones' shared
/// networks), then every other guest network the caller sees.
enum NetworksList: GCEMethod {
    static let id = "compute.networks.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/global/networks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput { try ListInput(request) }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<Network> {
        let map = try await context.networkMap()
        let region = try await context.localRegion()
        return try context.list(
            map.networks(region: region.name, links: context.links), options: input.options, kind: "compute#networkList",
            collection: "global/networks", name: \.name, created: \.creationTimestamp)
    }
}

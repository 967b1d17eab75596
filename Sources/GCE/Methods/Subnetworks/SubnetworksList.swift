import Pipeline

/// `compute.subnetworks.list` [listRegions, listNetworks]: every guest network the caller sees, in the one region.
enum SubnetworksList: GCEMethod {
    static let id = "compute.subnetworks.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/regions/{region}/subnetworks"

    static func decode(_ request: MethodRequest) throws(GCEError) -> RegionalListInput {
        try SubnetworkViews.check(request)
        return try RegionalListInput(request)
    }

    static func call(_ input: RegionalListInput, in context: MethodCall) async throws -> ResourceList<Subnetwork> {
        let region = try await context.region(input.region)
        return try context.list(
            try await context.networkMap().subnetworks(region: region.name, links: context.links), options: input.options,
            kind: "compute#subnetworkList", collection: "regions/\(region.name)/subnetworks", name: \.name,
            created: \.creationTimestamp)
    }
}

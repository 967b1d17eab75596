import Pipeline

/// `compute.subnetworks.listUsable` [listNetworks, listVPCs, listRegions]: every subnetwork, since a caller may use
/// each of its own and every shared zone network (CloudStack has no per-subnetwork IAM).
enum SubnetworksListUsable: GCEMethod {
    static let id = "compute.subnetworks.listUsable"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/aggregated/subnetworks/listUsable"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ListInput {
        if let flag = request.query["serviceProject"], !flag.isEmpty { throw GCEError.unsupported("serviceProject") }
        return try ListInput(request)
    }

    static func call(_ input: ListInput, in context: MethodCall) async throws -> ResourceList<UsableSubnetwork> {
        let region = try await context.localRegion()
        let items = try await context.networkMap().subnetworks(region: region.name, links: context.links).map {
            UsableSubnetwork(subnetwork: $0.selfLink, network: $0.network, ipCidrRange: $0.ipCidrRange)
        }
        return try context.list(
            items, options: input.options, kind: "compute#usableSubnetworksAggregatedList",
            collection: "aggregated/subnetworks/listUsable", name: { lastSegment($0.subnetwork) })
    }
}

extension UsableSubnetwork: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "subnetwork": subnetwork
        case "network": network
        case "ipCidrRange": ipCidrRange
        default: nil
        }
    }
}

import Pipeline

/// `compute.instances.list` [listVirtualMachines, listVolumes zoneid=…].
enum InstancesList: GCEMethod {
    static let id = "compute.instances.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instances"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<Instance> {
        let zone = try await context.zone(input.zone)
        return try context.list(
            try await context.instances(in: zone), options: input.options, kind: "compute#instanceList",
            collection: "zones/\(zone.name)/instances", name: \.name, created: \.creationTimestamp)
    }
}

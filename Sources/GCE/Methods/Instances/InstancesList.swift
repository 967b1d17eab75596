import CloudStack
import Pipeline

/// `compute.instances.list` [listVirtualMachines page by page, listVolumes zoneid=… as the shared catalog keeps it].
enum InstancesList: GCEMethod {
    static let id = "compute.instances.list"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instances"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalListInput { try ZonalListInput(request) }

    static func call(_ input: ZonalListInput, in context: MethodCall) async throws -> ResourceList<Instance> {
        let zone = try await context.zone(input.zone)
        if input.options.followsCloudStackOrder {
            // A page costs the CloudStack pages it needs (issue 16), in CloudStack's order.
            let collection = "zones/\(zone.name)/instances"
            let (items, next) = try await context.walk(
                CommandTable.listVirtualMachines, ["zoneid": zone.row.id ?? ""], id: \.id, options: input.options,
                kind: "compute#instanceList", collection: collection
            ) { (rows: ArraySlice<VirtualMachine>) async throws(GCEError) -> [Instance?] in
                try await context.instanceItems(rows, zones: [zone]).map { $0?.item }
            }
            return ResourceList(
                kind: "compute#instanceList", id: "projects/\(context.project)/\(collection)", items: items, nextPageToken: next,
                selfLink: context.links.collection(collection))
        }
        return try context.list(
            try await context.instances(in: zone), options: input.options, kind: "compute#instanceList",
            collection: "zones/\(zone.name)/instances", name: \.name, created: \.creationTimestamp)
    }
}

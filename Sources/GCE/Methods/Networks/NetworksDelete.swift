import CloudStack
import Pipeline

/// `compute.networks.delete` [deleteNetwork, deleteVPC]: a VPC network with subnetworks other than its auto-created
/// one is refused (`resourceInUseByAnotherResource`, as GCE); an auto-mode network's own subnetwork goes first; a
/// network of its own is its CloudStack network, refused while an instance uses it (decision 0011, point 7).
enum NetworksDelete: GCEMethod {
    static let id = "compute.networks.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/global/networks/{network}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> NamedInput { try NamedInput(request, "network") }

    static func call(_ input: NamedInput, in context: MethodCall) async throws -> Operation {
        let map = try await context.networkMap()
        guard let entry = map.network(input.name) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.name)")
        }
        let path = "projects/\(context.project)/global/networks/\(entry.name)"
        if entry.isDefault {
            throw GCEError.invalid(
                "Invalid value for field 'network': the default network is the CloudStack zones' shared guest networks, "
                    + "which cannot be deleted")
        }
        guard let vpc = entry.vpc, let vpcID = vpc.id else {
            // A network of its own: its one CloudStack guest network.
            guard let row = entry.subnetworks.first?.row, let networkID = row.id else { throw GCEError.notFound(path) }
            try await context.checkNoInstances(on: networkID, resource: "network resource '\(path)'")
            let receipt = try await context.call(CommandTable.deleteNetwork, ["id": networkID])
            return operation(receipt.jobid, target: networkID, name: entry.name, context)
        }
        let auto = entry.autoCreatesSubnetworks
        let others = entry.subnetworks.filter { !(auto && Self.isAutoSubnetwork($0.row)) }
        if let first = others.first {
            let region = try await context.localRegion().name
            throw GCEError(
                status: 400, reason: "resourceInUseByAnotherResource",
                message: "The network resource '\(path)' is already being used by "
                    + "'projects/\(context.project)/regions/\(region)/subnetworks/\(first.name)'")
        }
        for tier in entry.subnetworks {
            guard let tierID = tier.row.id else { continue }
            try await context.checkNoInstances(on: tierID, resource: "network resource '\(path)'")
        }
        for tier in entry.subnetworks {
            let receipt = try await context.call(CommandTable.deleteNetwork, ["id": tier.row.id ?? ""])
            try await context.awaitJob(receipt.jobid)
        }
        let receipt = try await context.call(CommandTable.deleteVPC, ["id": vpcID])
        return operation(receipt.jobid, target: vpcID, name: entry.name, context)
    }

    /// Whether a tier is the one networks.insert made for an auto-mode network.
    static func isAutoSubnetwork(_ row: CloudStack.Network) -> Bool {
        row.tags.contains { $0.key == NetworkMap.autoSubnetworkTag && $0.value == "true" }
    }

    private static func operation(_ job: String?, target: String, name: String, _ context: MethodCall) -> Operation {
        guard let job else { return context.done(.networkDelete, target: target, scope: .global, targetName: name) }
        return context.started(.networkDelete, job: job, target: target, scope: .global, targetName: name)
    }
}

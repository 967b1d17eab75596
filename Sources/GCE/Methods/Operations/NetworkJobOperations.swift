import CloudStack

/// The operations of networks, subnetworks, addresses and routes in the operation lists: each is the CloudStack job
/// its method's operation follows, found in listAsyncJobs by its command class and `jobinstanceid`, so a listed
/// operation has the name, fields and status the method answered and get answers.
enum NetworkJobOperations {
    /// A job class whose job is the one a network, subnetwork, address or route operation follows.
    enum JobClass: Sendable, Equatable {
        case createVPC, deleteVPC, updateVPC, updateNetwork, deleteNetwork
        case associateIP, disassociateIP, createStaticRoute, deleteStaticRoute

        /// The class of a job's `cmd` (`ByAdmin` variants included); nil for any other job.
        init?(_ cmd: String?) {
            guard let cmd, let last = cmd.split(separator: ".").last else { return nil }
            switch last.hasSuffix("ByAdmin") ? last.dropLast("ByAdmin".count) : last {
            case "CreateVPCCmd": self = .createVPC
            case "DeleteVPCCmd": self = .deleteVPC
            case "UpdateVPCCmd": self = .updateVPC
            case "UpdateNetworkCmd": self = .updateNetwork
            case "DeleteNetworkCmd": self = .deleteNetwork
            case "AssociateIPAddrCmd": self = .associateIP
            case "DisassociateIPAddrCmd": self = .disassociateIP
            case "CreateStaticRouteCmd": self = .createStaticRoute
            case "DeleteStaticRouteCmd": self = .deleteStaticRoute
            default: return nil
            }
        }

        /// The operation kind of a job on `target`. A CloudStack network is a GCE network of its own when it is an
        /// isolated network outside a VPC (decision 0011); a VPC tier, a shared network and a network gone since
        /// (the bridge's own networks are VPCs, whose tiers are subnetworks) are subnetworks.
        func kind(target: String, ownNetworks: Set<String>) -> OperationName.Kind {
            switch self {
            case .createVPC: .networkInsert
            case .deleteVPC: .networkDelete
            case .updateVPC: .networkPatch
            case .updateNetwork: ownNetworks.contains(target) ? .networkPatch : .subnetworkPatch
            case .deleteNetwork: ownNetworks.contains(target) ? .networkDelete : .subnetworkDelete
            case .associateIP: .addressInsert
            case .disassociateIP: .addressDelete
            case .createStaticRoute: .routeInsert
            case .deleteStaticRoute: .routeDelete
            }
        }

        /// Whether the kind needs the network map to be told (network or subnetwork).
        var readsNetworks: Bool { self == .updateNetwork || self == .deleteNetwork }
    }

    /// The jobs of `scope` (global: networks and routes; a region: subnetworks and addresses) as operations, their
    /// targets named as get names them: by name while they exist, by numeric id once gone. Reads only what the
    /// jobs need [listNetworks and listVPCs, listPublicIpAddresses, the route table's lists].
    static func operations(_ jobs: [AsyncJob], in scope: OperationScope, _ call: MethodCall) async throws -> [Operation] {
        if case .zone = scope { return [] }
        let found = jobs.compactMap { job -> (AsyncJob, JobClass, String, String)? in
            guard let jobClass = JobClass(job.cmd), let id = job.jobid, let target = job.jobinstanceid else { return nil }
            return (job, jobClass, id, target)
        }
        guard !found.isEmpty else { return [] }
        let map = found.contains { $0.1.readsNetworks || $0.1 == .createVPC || $0.1 == .updateVPC } ? try await call.networkMap() : nil
        var ownNetworks = Set<String>()
        var names: [String: String] = [:]
        for entry in map?.entries ?? [] {
            if let vpc = entry.vpc?.id {
                names[vpc] = entry.name
            } else if !entry.isDefault, let own = entry.subnetworks.first?.row.id {
                ownNetworks.insert(own)
                names[own] = entry.name
            }
        }
        var memberNames: [String: String] = [:]
        for member in map?.members ?? [] where !ownNetworks.contains(member.row.id ?? "") {
            memberNames[member.row.id ?? ""] = member.name
        }
        let kinds = found.map { $0.1.kind(target: $0.3, ownNetworks: ownNetworks) }
        let inScope = kinds.map { $0.scopeMatches(scope) }
        if zip(kinds, inScope).contains(where: { $0.1 && $0.0.target == .address }) {
            for address in try await call.addresses() { names[address.row.id ?? ""] = address.name }
        }
        if zip(kinds, inScope).contains(where: { $0.1 && $0.0.target == .route }) {
            for entry in try await call.routeTable().entries {
                if let id = entry.staticRouteID { names[id] = entry.route.name }
            }
        }
        var operations: [Operation] = []
        for (index, (job, _, id, target)) in found.enumerated() where inScope[index] {
            let kind = kinds[index]
            let name = (kind.target == .subnetwork ? memberNames[target] : names[target]) ?? ResourceID.string(target)
            operations.append(
                call.render(OperationName(kind: kind, progress: .job(id), target: target), scope: scope, targetName: name, job: job))
        }
        return operations
    }
}

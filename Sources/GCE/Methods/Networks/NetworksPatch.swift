import CloudStack
import Pipeline

/// `compute.networks.patch` [updateVPC displaytext, or updateNetwork for a network of its own]: `description`
/// changes and `routingConfig.routingMode: REGIONAL` is kept; `GLOBAL`, `mtu` other than 1460, a new name or mode
/// and the other members CloudStack cannot keep are 400 naming them (decision 0011, point 7).
enum NetworksPatch: GCEMethod {
    static let id = "compute.networks.patch"
    static let httpMethod = HTTPMethod.patch
    static let path = "projects/{project}/global/networks/{network}"

    /// The network and the members given.
    struct Input: Sendable {
        let name: String
        let newName: String?
        let description: String?
        let autoCreateSubnetworks: Bool?
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let name = try request.name("network")
        let body = try request.json().requireObject()
        try NetworkFields.refuseUnsupported(body)
        if try body.string("IPv4Range", at: "resource.IPv4Range") != nil { throw GCEError.unsupported("resource.IPv4Range") }
        var auto: Bool?
        switch body["autoCreateSubnetworks"] {
        case nil, .null?: break
        case .bool(let flag)?: auto = flag
        default: throw GCEError.invalid("Invalid value for field 'resource.autoCreateSubnetworks': must be a boolean")
        }
        return Input(
            name: name, newName: try body.string("name", at: "resource.name"),
            description: try body.string("description", at: "resource.description"), autoCreateSubnetworks: auto)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let map = try await context.networkMap()
        guard let entry = map.network(input.name) else {
            throw GCEError.notFound("projects/\(context.project)/global/networks/\(input.name)")
        }
        if let newName = input.newName, newName != entry.name {
            throw GCEError.invalid("Invalid value for field 'resource.name': '\(newName.prefix(128))'. A network cannot be renamed")
        }
        if let auto = input.autoCreateSubnetworks, auto != entry.autoCreatesSubnetworks {
            throw GCEError.invalid(
                "Invalid value for field 'resource.autoCreateSubnetworks': the subnet mode cannot be changed by patch")
        }
        let region = try await context.localRegion().name
        let current = NetworkMap(entries: [entry]).networks(region: region, links: context.links)[0]
        let target = entry.vpc?.id ?? entry.subnetworks.first?.row.id ?? ""
        guard let description = input.description, description != (current.description ?? "") else {
            return context.done(.networkPatch, target: target, scope: .global, targetName: entry.name)
        }
        if entry.isDefault {
            throw GCEError.invalid(
                "Invalid value for field 'resource.description': the default network is the CloudStack zones' shared networks")
        }
        let text = description.isEmpty ? (entry.vpc?.name ?? entry.subnetworks.first?.row.name ?? entry.name) : description
        let receipt =
            entry.vpc != nil
            ? try await context.call(CommandTable.updateVPC, ["id": target, "displaytext": text])
            : try await context.call(CommandTable.updateNetwork, ["id": target, "displaytext": text])
        return context.started(.networkPatch, job: receipt.jobid, target: target, scope: .global, targetName: entry.name)
    }
}

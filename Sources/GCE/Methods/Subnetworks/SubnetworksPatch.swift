import CloudStack
import Pipeline

/// `compute.subnetworks.patch` [updateNetwork displaytext]: `description` changes, with GCE's `fingerprint` check
/// (412 when stale); every other member that differs from the subnetwork is 400 naming it.
enum SubnetworksPatch: GCEMethod {
    static let id = "compute.subnetworks.patch"
    static let httpMethod = HTTPMethod.patch
    static let path = "projects/{project}/regions/{region}/subnetworks/{subnetwork}"

    /// The subnetwork and the members given.
    struct Input: Sendable {
        let region: String
        let name: String
        let fingerprint: String?
        let description: String?
        /// The members given that the bridge compares with the subnetwork: (path, value).
        let fixed: [(path: String, member: String, value: String)]
    }

    /// Members a patch may repeat unchanged (as a get returns them); a different value is 400 naming it.
    static let comparable = ["name", "network", "ipCidrRange", "gatewayAddress", "region"]

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let region = try request.name("region")
        let name = try request.name("subnetwork")
        let body = try request.json().requireObject()
        try SubnetworkFields.refuseUnsupported(body)
        if request.query["drainTimeoutSeconds"] != nil { throw GCEError.unsupported("drainTimeoutSeconds") }
        var fixed: [(path: String, member: String, value: String)] = []
        for member in comparable {
            if let value = try body.string(member, at: "resource.\(member)") { fixed.append(("resource.\(member)", member, value)) }
        }
        return Input(
            region: region, name: name, fingerprint: try body.string("fingerprint", at: "resource.fingerprint"),
            description: try body.string("description", at: "resource.description"), fixed: fixed)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let region = try await context.region(input.region)
        let map = try await context.networkMap()
        let path = "projects/\(context.project)/regions/\(region.name)/subnetworks/\(input.name)"
        guard let member = map.subnetwork(input.name), let networkID = member.row.id else { throw GCEError.notFound(path) }
        let current = NetworkMap.subnetwork(member, region: region.name, links: context.links)
        guard let fingerprint = input.fingerprint, !fingerprint.isEmpty else { throw GCEError.required("resource.fingerprint") }
        guard fingerprint == current.fingerprint else {
            throw GCEError.conditionNotMet(
                "Invalid fingerprint: the subnetwork \(member.name) changed since it was read; get it again and retry")
        }
        for (field, name, value) in input.fixed {
            let now = current.filterValue(name) ?? ""
            // Links may come as full URLs or partial ones; compare their last segment.
            guard value == now || lastSegment(value) == lastSegment(now) else {
                throw GCEError.invalid("Invalid value for field '\(field)': '\(value.prefix(128))'. It cannot be changed")
            }
        }
        guard let description = input.description, description != (current.description ?? "") else {
            return context.done(.subnetworkPatch, target: networkID, scope: .region(region.name), targetName: member.name)
        }
        guard member.row.vpcid != nil || member.network != "default" else {
            throw GCEError.invalid("Invalid value for field 'resource.description': a CloudStack zone's shared network is not the caller's")
        }
        let receipt = try await context.call(
            CommandTable.updateNetwork,
            ["id": networkID, "displaytext": description.isEmpty ? member.row.name ?? member.name : description])
        return context.started(
            .subnetworkPatch, job: receipt.jobid, target: networkID, scope: .region(region.name), targetName: member.name)
    }
}

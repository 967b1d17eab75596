import Pipeline

/// `compute.firewalls.insert`: on `default` [listSecurityGroups, createSecurityGroup for new `gce-tag-<t>` groups,
/// authorizeSecurityGroupIngress/Egress per target group and port range, createTags]; on a VPC network [the
/// network map, listNetworkACLs, createNetworkACL per port range in the VPC's `gce-firewalls` list, createTags]. The
/// operation follows the tag job, the last phase (docs/decisions/0012-gce-firewalls.md).
enum FirewallsInsert: GCEMethod {
    static let id = "compute.firewalls.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/firewalls"

    /// The whole firewall to create, GCE's defaults filled in.
    struct Input: Sendable {
        let body: FirewallBody
        let name: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let body = try FirewallBody(try request.json().requireObject())
        guard let name = body.name else { throw GCEError.required("resource.name") }
        _ = try body.firewall(
            name: name, over: nil, network: body.networkName, placement: body.knownPlacement, links: Links(publicBaseURL: "", project: ""))
        return Input(body: body, name: name)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let (groups, records) = try await context.firewallRecords()
        guard !records.contains(where: { $0.firewall.name == input.name }) else {
            throw GCEError.alreadyExists("projects/\(context.project)/global/firewalls/\(input.name)")
        }
        let target = try await context.firewallTarget(input.body.networkName, field: "resource.network")
        var firewall = try input.body.firewall(
            name: input.name, over: nil, network: target.networkName, placement: target.placement, links: context.links)
        firewall.creationTimestamp = Timestamps.fromEpoch(context.clock.epochSeconds)
        let created = try await context.createFirewall(firewall, uuid: nil, on: target, groups: groups)
        return context.started(.firewallInsert, job: created.tagJob, target: created.uuid, scope: .global, targetName: input.name)
    }
}

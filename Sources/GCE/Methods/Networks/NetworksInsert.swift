import CloudStack
import Pipeline

/// `compute.networks.insert` [listVPCOfferings, createVPC, createNetworkACLList, createTags, and in auto mode
/// listNetworkOfferings, createNetwork]: a CloudStack VPC with its `gce-firewalls` ACL list (decision 0011, point 3).
enum NetworksInsert: GCEMethod {
    static let id = "compute.networks.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/networks"

    /// The `Network` body as far as CloudStack keeps it.
    struct Input: Sendable {
        let name: String
        let description: String?
        let autoCreateSubnetworks: Bool
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let body = try request.json().requireObject()
        let name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name.prefix(128))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'"
            )
        }
        if try body.string("IPv4Range", at: "resource.IPv4Range") != nil {
            throw GCEError.invalid(
                "Invalid value for field 'resource.IPv4Range': legacy networks are not supported: a CloudStack VPC always has "
                    + "subnetworks (set autoCreateSubnetworks)")
        }
        guard case .bool(let auto)? = body["autoCreateSubnetworks"] else {
            switch body["autoCreateSubnetworks"] {
            case nil, .null?: break
            default: throw GCEError.invalid("Invalid value for field 'resource.autoCreateSubnetworks': must be a boolean")
            }
            throw GCEError.invalid(
                "Invalid value for field 'resource.autoCreateSubnetworks': it must be set: a network without it is a legacy "
                    + "network, which CloudStack cannot make")
        }
        try NetworkFields.refuseUnsupported(body)
        return Input(name: name, description: try body.string("description", at: "resource.description"), autoCreateSubnetworks: auto)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let map = try await context.networkMap()
        if map.network(input.name) != nil {
            throw GCEError.alreadyExists("projects/\(context.project)/global/networks/\(input.name)")
        }
        if input.autoCreateSubnetworks, map.subnetwork(input.name) != nil {
            let region = try await context.localRegion().name
            throw GCEError.alreadyExists("projects/\(context.project)/regions/\(region)/subnetworks/\(input.name)")
        }
        let zone = try await context.vpcZone(field: "resource.autoCreateSubnetworks")
        let cidr = input.autoCreateSubnetworks ? NetworkDefaults.autoModeCIDR : context.configuration.networks.cidr
        let receipt = try await context.call(
            CommandTable.createVPC,
            [
                "name": input.name, "displaytext": input.description.flatMap { $0.isEmpty ? nil : $0 } ?? input.name,
                "cidr": cidr, "vpcofferingid": try await context.vpcOfferingID(), "zoneid": zone.row.id ?? "",
            ])
        guard let vpcID = receipt.id else { throw GCEError.backend("createVPC returned no id") }
        // The phases, as instances.insert runs its extra disks: each step waits for the one before; a failure
        // is the operation's error, and what was made stays for networks.delete.
        do throws(GCEError) {
            try await context.awaitJob(receipt.jobid)
        } catch {
            // The createVPC job's failure is the operation's error, as GCE reports a failed insert.
            return context.started(.networkInsert, job: receipt.jobid, target: vpcID, scope: .global, targetName: input.name)
        }
        do throws(GCEError) {
            if input.autoCreateSubnetworks {
                let tagJob = try await context.replaceTags(
                    on: vpcID, type: "Vpc", oldKeys: [], newTags: [(NetworkMap.autoModeTag, "true")])
                if let tagJob { try await context.awaitJob(tagJob) }
            }
            let list = try await context.firewallList(vpcID: vpcID)
            if input.autoCreateSubnetworks, let range = IPv4Range(NetworkDefaults.autoSubnetworkRange) {
                let tier = try await context.createTier(
                    name: input.name, description: nil, range: range, vpcID: vpcID, zoneID: zone.row.id ?? "", aclID: list)
                let tagJob = try await context.replaceTags(
                    on: tier.id ?? "", type: "Network", oldKeys: [], newTags: [(NetworkMap.autoSubnetworkTag, "true")])
                if let tagJob { try await context.awaitJob(tagJob) }
            }
        } catch {
            throw GCEError.invalid(
                "Network \(input.name) was created as CloudStack VPC \(vpcID), but a later step failed: \(error.message); "
                    + "delete it with networks.delete")
        }
        // Every phase is done; the operation names the createVPC job, which listAsyncJobs shows with the VPC as its
        // instance, so globalOperations.list finds the same operation (NetworkJobOperations).
        return context.started(.networkInsert, job: receipt.jobid, target: vpcID, scope: .global, targetName: input.name)
    }
}

/// The `Network` members CloudStack cannot keep, refused naming them unless at GCE's defaults (decision 0011).
enum NetworkFields {
    static func refuseUnsupported(_ body: BodyValue) throws(GCEError) {
        try body.refuseUnsupported("mtu", at: "resource.mtu", accepting: [String(Network.mtu)])
        if let routing = try body.object("routingConfig", at: "resource.routingConfig") {
            try routing.refuseUnsupported("routingMode", at: "resource.routingConfig.routingMode", accepting: ["REGIONAL"])
            for key in ["bgpBestPathSelectionMode", "bgpAlwaysCompareMed", "bgpInterRegionCost"] {
                try routing.refuseUnsupported(key, at: "resource.routingConfig.\(key)")
            }
        }
        if !(try body.array("peerings", at: "resource.peerings")).isEmpty { throw GCEError.unsupported("resource.peerings") }
        try body.refuseUnsupported("enableUlaInternalIpv6", at: "resource.enableUlaInternalIpv6", accepting: ["false"])
        try body.refuseUnsupported(
            "networkFirewallPolicyEnforcementOrder", at: "resource.networkFirewallPolicyEnforcementOrder",
            accepting: ["AFTER_CLASSIC_FIREWALL"])
        for key in ["internalIpv6Range", "networkProfile", "gatewayIPv4", "firewallPolicy"] {
            try body.refuseUnsupported(key, at: "resource.\(key)", accepting: [""])
        }
        try body.refuseUnsupported("params", at: "resource.params", accepting: ["{}"])
    }
}

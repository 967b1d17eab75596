import CloudStack

/// The deploy parameters for several network interfaces and for a placement group.
extension DeployParameters {
    /// `NetworkInterface.N` with N > 1: every subnet looked up (listNetworks by id), all in one zone and
    /// one VPC (or none), as EC2 requires; `networkids` in device order, or `iptonetworklist[i]` when an
    /// interface names its address. Answers the parameters and the zone.
    static func interfaceNetworks(_ input: RunInstancesInput, in context: ActionContext) async throws(EC2Error) -> (Parameters, String?) {
        var parameters = Parameters()
        var zone: String?? = nil
        var vpc: String?? = nil
        var networkIDs: [String] = []
        for (index, interface) in input.orderedInterfaces.enumerated() {
            guard let id = interface.subnetId else { throw EC2Error.missingParameter("NetworkInterface.\(index + 1).SubnetId") }
            let subnet = try EC2ID.parse(id, as: .subnet)
            let rows = try await context.list(
                CommandTable.listNetworks, ["id": subnet.cloudStackUUID], context: .ids(.subnet, [subnet.description]))
            guard let network = rows.first(where: { $0.id == subnet.cloudStackUUID }) else { throw EC2Error.notFound(.subnet, ids: [id]) }
            if let zone, zone != network.zoneid {
                throw EC2Error.invalidParameterCombination("The network interfaces' subnets must be in one availability zone")
            }
            if let vpc, vpc != network.vpcid {
                throw EC2Error.invalidParameterCombination("The network interfaces' subnets must be in one VPC")
            }
            guard !networkIDs.contains(subnet.cloudStackUUID) else {
                throw EC2Error.unsupportedOperation(
                    "Two interfaces on subnet \(id) cannot be honoured: a CloudStack VM has one NIC per network")
            }
            zone = .some(network.zoneid)
            vpc = .some(network.vpcid)
            networkIDs.append(subnet.cloudStackUUID)
        }
        let ordered = input.orderedInterfaces
        if ordered.contains(where: { $0.privateIpAddress != nil }) {
            parameters.setMap(
                "iptonetworklist",
                zip(networkIDs, ordered).map { network, interface in
                    [("networkid", network)] + (interface.privateIpAddress.map { [("ip", $0)] } ?? [])
                })
        } else {
            parameters.setList("networkids", networkIDs)
        }
        return (parameters, zone ?? nil)
    }

    /// `Placement.GroupName` or `Placement.GroupId`: the caller's affinity group of a placement-group
    /// type (one not there → `InvalidPlacementGroup.Unknown`, as EC2 answers), as `affinitygroupids`.
    static func placementGroup(_ placement: RunInstancesInput.Placement?, in context: ActionContext) async throws(EC2Error) -> Parameters {
        guard let placement, placement.groupName != nil || placement.groupId != nil else { return Parameters() }
        if placement.groupName != nil && placement.groupId != nil {
            throw EC2Error.invalidParameterCombination("Placement.GroupName and Placement.GroupId cannot be given together")
        }
        var query = Parameters()
        if let name = placement.groupName { query["name"] = name }
        if let id = placement.groupId { query["id"] = try EC2ID.parse(id, as: .placementGroup).cloudStackUUID }
        let groups = try await context.list(CommandTable.listAffinityGroups, query)
        guard
            let group = groups.first(where: { group in
                (placement.groupName == nil || group.name == placement.groupName)
                    && group.type.map { PlacementGroupView.strategies[$0] != nil } == true
            }), let id = group.id
        else {
            let name = placement.groupName ?? placement.groupId ?? ""
            throw EC2Error(code: "InvalidPlacementGroup.Unknown", message: "The Placement Group '\(XMLSafeName.clip(name))' is unknown.")
        }
        return ["affinitygroupids": id]
    }
}

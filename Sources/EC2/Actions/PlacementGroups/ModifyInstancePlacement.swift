import CloudStack

/// `ModifyInstancePlacement` [listVirtualMachines, listAffinityGroups, updateVMAffinityGroup]: moves a
/// stopped instance into the placement group `GroupName` or `GroupId` (its affinity group; the VM's
/// affinity groups of other kinds are kept). CloudStack changes a VM's affinity groups only while it is
/// stopped: otherwise `IncorrectInstanceState`, as EC2 answers. Leaving every placement group (an empty
/// `GroupName`), `Tenancy`, `Affinity`, `HostId`, `HostResourceGroupArn` and `PartitionNumber` are
/// refused naming the member: CloudStack has no dedicated hosts or partitions here.
enum ModifyInstancePlacement: EC2Action {
    /// Wire input.
    struct Input: Decodable, Sendable {
        let instanceId: String?
        let groupName: String?
        let groupId: String?
        let tenancy: String?
        let affinity: String?
        let hostId: String?
        let hostResourceGroupArn: String?
        let partitionNumber: Int?
        enum CodingKeys: String, CodingKey {
            case instanceId = "InstanceId"
            case groupName = "GroupName"
            case groupId = "GroupId"
            case tenancy = "Tenancy"
            case affinity = "Affinity"
            case hostId = "HostId"
            case hostResourceGroupArn = "HostResourceGroupArn"
            case partitionNumber = "PartitionNumber"
        }
    }

    static let name = "ModifyInstancePlacement"

    static func validate(_ input: Input) throws(EC2Error) {
        guard let id = input.instanceId else { throw EC2Error.missingParameter("InstanceId") }
        _ = try EC2ID.parse(id, as: .instance)
        func refuse(_ member: String, _ reason: String) -> EC2Error {
            EC2Error.unsupportedOperation("\(member) cannot be honoured: \(reason).")
        }
        if input.tenancy != nil { throw refuse("Tenancy", "CloudStack instances have no EC2 tenancy to change") }
        if input.affinity != nil { throw refuse("Affinity", "CloudStack has no dedicated hosts") }
        if input.hostId != nil { throw refuse("HostId", "CloudStack has no dedicated hosts") }
        if input.hostResourceGroupArn != nil { throw refuse("HostResourceGroupArn", "CloudStack has no host resource groups") }
        if input.partitionNumber != nil { throw refuse("PartitionNumber", "CloudStack affinity groups have no partitions") }
        if input.groupName == nil && input.groupId == nil { throw EC2Error.missingParameter("GroupName") }
        if input.groupName == "" {
            throw refuse("GroupName (empty)", "the bridge moves an instance into another placement group but does not remove it from all")
        }
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> ReturnView {
        let id = try EC2ID.parse(input.instanceId ?? "", as: .instance)
        guard let vm = try await InstanceLookup.require([id], in: context).first?.vm else {
            throw EC2Error.notFound(.instance, ids: [id.description])
        }
        guard vm.state == "Stopped" else {
            throw EC2Error(
                code: "IncorrectInstanceState",
                message:
                    "The instance '\(id.description)' is not in the 'stopped' state: CloudStack changes the affinity groups of stopped instances only."
            )
        }
        let placement = RunInstancesInput.Placement(availabilityZone: nil, groupName: input.groupName, groupId: input.groupId)
        var groups = [try await DeployParameters.placementGroup(placement, in: context)["affinitygroupids"] ?? ""]
        // Affinity groups that are not placement groups stay.
        for group in vm.affinitygroup where group.type.map({ PlacementGroupView.strategies[$0] == nil }) ?? true {
            if let other = group.id { groups.append(other) }
        }
        var parameters: Parameters = ["id": id.cloudStackUUID]
        parameters.setList("affinitygroupids", groups)
        _ = try await context.run(CommandTable.updateVMAffinityGroup, parameters, context: .ids(.instance, [id.description]))
        return ReturnView(value: true)
    }
}

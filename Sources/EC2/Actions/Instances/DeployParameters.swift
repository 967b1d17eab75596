import CloudStack

/// The `deployVirtualMachine` parameters for a RunInstances request, resolved once for all instances.
struct DeployParameters {
    var parameters: Parameters
    /// The image id as the caller gave it, when it is not the template's own (an image CreateImage made
    /// from a snapshot): kept as a VM tag so the instance reports the image it was launched from.
    var launchedImageID: String?

    /// After the first instance, a fixed private address cannot be used again.
    mutating func ipAddressUsed() { parameters["ipaddress"] = nil }

    /// Checks the image, key pair, zone, subnet and type, and builds the parameters.
    ///
    /// The five CloudStack lookups do not depend on each other, so they run at once; their errors
    /// are still reported in a fixed order (image, key pair, subnet, zone, type).
    static func resolve(_ input: RunInstancesInput, in context: ActionContext) async throws -> DeployParameters {
        let image = try EC2ID.parse(input.imageId, as: .image)
        let subnet = input.hasSeveralInterfaces ? nil : try input.launchSubnetId.map { try EC2ID.parse($0, as: .subnet) }
        // By template UUID, or the image id CreateImage answered and keeps on its template's tag.
        async let templates = ImageLookup.templates(imageID: image, filter: "executable", in: context)
        async let pairs = keyPairs(named: input.keyName, in: context)
        async let networks = networks(subnet, in: context)
        async let zoneList = context.zones()
        async let offeringList = context.list(CommandTable.listServiceOfferings)

        guard let template = try await templates.first else { throw EC2Error.notFound(.image, ids: [input.imageId]) }
        var parameters: Parameters = ["templateid": template.id ?? image.cloudStackUUID]
        if let keyName = input.keyName {
            guard try await pairs.contains(where: { $0.name == keyName }) else { throw EC2Error.keyPairNotFound(keyName) }
            parameters["keypair"] = keyName
        }
        var zoneID: String?
        if input.hasSeveralInterfaces {
            let (networkParameters, zone) = try await interfaceNetworks(input, in: context)
            for (name, value) in networkParameters.pairs { parameters[name] = value }
            zoneID = zone
        }
        for (name, value) in try await placementGroup(input.placement, in: context).pairs { parameters[name] = value }
        if let subnet, let id = input.launchSubnetId {
            guard let found = try await networks.first else { throw EC2Error.notFound(.subnet, ids: [id]) }
            parameters["networkids"] = subnet.cloudStackUUID
            zoneID = found.zoneid
        }
        let zones = try await zoneList
        if let name = input.placement?.availabilityZone, !name.isEmpty {
            guard let zone = zones.first(where: { $0.name == name }), let id = zone.id else {
                throw EC2Error.invalidParameterValue("Invalid availability zone: [\(XMLSafeName.clip(name))]")
            }
            if let zoneID, zoneID != id {
                throw EC2Error.invalidParameterCombination("The subnet is not in availability zone \(XMLSafeName.clip(name)).")
            }
            zoneID = id
        }
        if zoneID == nil {
            zoneID =
                template.zoneid.flatMap { id in zones.first { $0.id == id }?.id }
                ?? zones.first { $0.allocationstate == nil || $0.allocationstate == "Enabled" }?.id
        }
        guard let zoneID else { throw EC2Error.unavailable("No availability zone is available.") }
        parameters["zoneid"] = zoneID

        let offerings = try await offeringList
        let names = InstanceTypeNames(configured: context.configuration.instanceTypes)
        let requested = input.instanceType ?? "m1.small"
        let offering =
            names.offering(for: requested, in: offerings)
            ?? (input.instanceType == nil ? offerings.first { $0.iscustomized != true } : nil)
        guard let offeringID = offering?.id else {
            throw EC2Error.invalidParameterValue("Invalid value '\(XMLSafeName.clip(requested))' for InstanceType.")
        }
        parameters["serviceofferingid"] = offeringID

        var groupIDs: [String] = []
        for id in input.launchSecurityGroupIds ?? [] { groupIDs.append(try EC2ID.parse(id, as: .securityGroup).cloudStackUUID) }
        parameters.setList("securitygroupids", groupIDs)
        if let names = input.securityGroups, !names.isEmpty {
            guard groupIDs.isEmpty else {
                throw EC2Error.invalidParameterCombination("The parameter groupName cannot be used with the parameter groupId")
            }
            parameters.setList("securitygroupnames", names)
        }
        // CloudStack takes user data base64-encoded, as EC2 does; large data goes in a POST body.
        if let userData = input.userData { parameters["userdata"] = userData.encoded }
        if let address = input.launchPrivateIpAddress { parameters["ipaddress"] = address }
        if let size = input.rootSizeGiB {
            guard size > 0, size <= 16_384 else { throw EC2Error.invalidParameterValue("Volume size must be between 1 and 16384 GiB.") }
            parameters["rootdisksize"] = String(size)
        }
        let ownID = template.id.flatMap { EC2ID(kind: .image, cloudStackUUID: $0)?.description }
        return DeployParameters(parameters: parameters, launchedImageID: ownID == image.description ? nil : image.description)
    }

    private static func keyPairs(named name: String?, in context: ActionContext) async throws(EC2Error) -> [SSHKeyPair] {
        guard let name else { return [] }
        return try await context.list(CommandTable.listSSHKeyPairs, ["name": name], context: ErrorContext(keyPairName: name))
    }

    private static func networks(_ subnet: EC2ID?, in context: ActionContext) async throws(EC2Error) -> [Network] {
        guard let subnet else { return [] }
        return try await context.list(
            CommandTable.listNetworks, ["id": subnet.cloudStackUUID], context: .ids(.subnet, [subnet.description]))
    }
}

import Pipeline

/// `compute.instances.updateAccessConfig` [listVirtualMachines, listPublicIpAddresses]: GCE updates only an access
/// config's PTR record and network tier, which CloudStack static NAT does not have (refused by `AccessConfigBody`);
/// an update that names the current config and changes nothing is DONE, a different `natIP` is refused (GCE
/// changes the address only by delete and add).
enum InstancesUpdateAccessConfig: GCEMethod {
    static let id = "compute.instances.updateAccessConfig"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/updateAccessConfig"

    /// The instance, its `networkInterface` and the `AccessConfig` body.
    typealias Input = InstancesAddAccessConfig.Input

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input { try InstancesAddAccessConfig.decode(request) }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        _ = try context.natNic(vm, index: input.nic)
        guard vm.row.publicip != nil, input.config.name == AccessConfigTags.name(vm.row) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': instance '\(vm.name)' has no access config '\(input.config.name)'")
        }
        if let natIP = input.config.natIP, natIP != vm.row.publicip {
            throw GCEError.invalid(
                "Invalid value for field 'resource.natIP': updateAccessConfig cannot change the address; delete the access config and add one"
            )
        }
        return context.done(.updateAccessConfig, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

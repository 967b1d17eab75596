import Pipeline

/// `compute.instances.deleteAccessConfig` [listVirtualMachines, listPublicIpAddresses, disableStaticNat;
/// disassociateIpAddress when the address was ephemeral]: a reserved address stays, RESERVED again.
enum InstancesDeleteAccessConfig: GCEMethod {
    static let id = "compute.instances.deleteAccessConfig"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/deleteAccessConfig"

    /// The instance, its `networkInterface` and the `accessConfig` name.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let nic: Int
        let accessConfig: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let nic = try NetworkInterfaceName.index(request)
        guard let name = request.query["accessConfig"], !name.isEmpty else { throw GCEError.required("accessConfig") }
        guard name.utf8.count <= 63 else { throw GCEError.invalid("Invalid value for field 'accessConfig': '\(name.prefix(64))'") }
        return Input(target: target, nic: nic, accessConfig: name)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let nic = try context.natNic(vm, index: input.nic)
        let job = try await context.deleteAccessConfig(named: input.accessConfig, vm: vm, nic: nic)
        guard let job else {
            return context.done(.deleteAccessConfig, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
        }
        return context.started(.deleteAccessConfig, job: job, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

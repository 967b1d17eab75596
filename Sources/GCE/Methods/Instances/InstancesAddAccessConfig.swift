import Pipeline

/// `compute.instances.addAccessConfig` [listVirtualMachines; associateIpAddress + createTags for an ephemeral
/// address; enableStaticNat]: `MethodCall.addAccessConfig`. DONE when answered.
enum InstancesAddAccessConfig: GCEMethod {
    static let id = "compute.instances.addAccessConfig"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/addAccessConfig"

    /// The instance, its `networkInterface` and the `AccessConfig` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let nic: Int
        let config: AccessConfigBody
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let nic = try NetworkInterfaceName.index(request)
        return Input(target: target, nic: nic, config: try AccessConfigBody(request.json().requireObject(), at: "resource"))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let nic = try context.natNic(vm, index: input.nic)
        try await context.addAccessConfig(input.config, vm: vm, nic: nic, path: "resource")
        return context.done(.addAccessConfig, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

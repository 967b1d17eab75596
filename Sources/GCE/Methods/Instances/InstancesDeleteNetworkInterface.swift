import CloudStack
import Pipeline

/// `compute.instances.deleteNetworkInterface` [removeNicFromVirtualMachine]: the NIC named `nic<N>` (the instance's
/// interfaces in CloudStack's order); `nic0`, CloudStack's default NIC, cannot be removed, as on GCE.
enum InstancesDeleteNetworkInterface: GCEMethod {
    static let id = "compute.instances.deleteNetworkInterface"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/deleteNetworkInterface"

    /// The instance and the interface name.
    struct Input: Sendable {
        let zone: String
        let instance: String
        let interface: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        guard let name = request.query["networkInterfaceName"], !name.isEmpty else {
            throw GCEError.required("networkInterfaceName")
        }
        guard name.hasPrefix("nic"), let index = Int(name.dropFirst(3)), index >= 0, index < RequestedInterface.limit,
            name == "nic\(index)"
        else {
            throw GCEError.invalid("Invalid value for field 'networkInterfaceName': '\(name.prefix(64))'. Must be nic0 to nic7")
        }
        return Input(zone: try request.name("zone"), instance: try request.name("instance"), interface: name)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.instance)
        let index = Int(input.interface.dropFirst(3)) ?? 0
        guard index < vm.row.nic.count, let nicID = vm.row.nic[index].id else {
            throw GCEError.notFound(
                "projects/\(context.project)/zones/\(zone.name)/instances/\(vm.name) has no network interface \(input.interface)")
        }
        if vm.row.nic[index].isdefault ?? (index == 0) {
            throw GCEError.invalid(
                "Invalid value for field 'networkInterfaceName': \(input.interface) is the instance's default interface, "
                    + "which cannot be deleted")
        }
        let receipt = try await context.call(
            CommandTable.removeNicFromVirtualMachine, ["virtualmachineid": vm.row.id ?? "", "nicid": nicID])
        return context.started(
            .deleteNetworkInterface, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

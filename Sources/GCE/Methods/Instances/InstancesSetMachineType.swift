import CloudStack
import Pipeline

/// `compute.instances.setMachineType` [changeServiceForVirtualMachine]: the instance must be stopped.
enum InstancesSetMachineType: GCEMethod {
    static let id = "compute.instances.setMachineType"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setMachineType"

    /// `changeServiceForVirtualMachine` (synchronous; not in the shared command table yet).
    static let changeService = ObjectCommand<VirtualMachine>("changeServiceForVirtualMachine", object: "virtualmachine")

    /// The instance and the `InstancesSetMachineTypeRequest` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        /// `machineType`: a URL or partial URL of an offering or `custom-C-M`.
        let machineType: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        let machineType = try body.requiredString("machineType", at: "machineType")
        _ = try ResourceReference.name(machineType, field: "machineType")
        return Input(target: target, machineType: machineType)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        guard Conversions.status(vm.row.state) == "TERMINATED" else {
            throw GCEError.invalid(
                "The resource 'projects/\(context.project)/zones/\(zone.name)/instances/\(vm.name)' is not ready: the instance must be stopped"
            )
        }
        let offering = try await context.offering(for: input.machineType, zone: zone)
        var parameters: Parameters = ["id": vm.row.id ?? "", "serviceofferingid": offering.id]
        if !offering.details.isEmpty { parameters.setMap("details", [offering.details.map { (field: $0.0, value: $0.1) }]) }
        _ = try await context.call(changeService, parameters)
        return context.done(.setMachineType, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instances.delete` [destroyVirtualMachine].
enum InstancesDelete: GCEMethod {
    static let id = "compute.instances.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/zones/{zone}/instances/{instance}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "instance") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        let receipt = try await context.call(CommandTable.destroyVirtualMachine, ["id": vm.row.id ?? ""])
        return context.started(.delete, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

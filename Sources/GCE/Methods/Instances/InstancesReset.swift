import CloudStack
import Pipeline

/// `compute.instances.reset` [rebootVirtualMachine]: CloudStack reboots; GCE resets (a hard reset). The guest sees a reboot either way.
enum InstancesReset: GCEMethod {
    static let id = "compute.instances.reset"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/reset"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "instance") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        let receipt = try await context.call(CommandTable.rebootVirtualMachine, ["id": vm.row.id ?? ""])
        return context.started(.reset, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import Pipeline

/// `compute.instances.setScheduling` [listVirtualMachines]: only the scheduling every CloudStack VM has is accepted
/// (DONE at once); preemptible, SPOT, node affinities and the rest are refused naming the member (`SchedulingCheck`).
enum InstancesSetScheduling: GCEMethod {
    static let id = "compute.instances.setScheduling"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setScheduling"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        let target = try ZonalResourceInput(request, "instance")
        try SchedulingCheck.check(try request.json().requireObject(), prefix: "")
        return target
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        return context.done(.setScheduling, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

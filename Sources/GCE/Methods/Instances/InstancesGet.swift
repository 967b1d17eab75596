import Pipeline

/// `compute.instances.get` [listVirtualMachines, listVolumes].
enum InstancesGet: GCEMethod {
    static let id = "compute.instances.get"
    static let httpMethod = HTTPMethod.get
    static let path = "projects/{project}/zones/{zone}/instances/{instance}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "instance") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Instance {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        return try await context.instanceView(vm, zone: zone)
    }
}

import Pipeline

/// `compute.instances.setDeletionProtection` [listVirtualMachines]: CloudStack 4.18 has no deletion protection, so
/// `deletionProtection=false` (what every instance has) is DONE at once and `true` (the default) is refused.
enum InstancesSetDeletionProtection: GCEMethod {
    static let id = "compute.instances.setDeletionProtection"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{resource}/setDeletionProtection"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput {
        let target = try ZonalResourceInput(request, "resource")
        switch request.query["deletionProtection"] ?? "true" {
        case "false": return target
        case "true":
            throw GCEError.invalid(
                "Invalid value for field 'deletionProtection': 'true'. CloudStack 4.18 has no deletion protection")
        case let other:
            throw GCEError.invalid("Invalid value for field 'deletionProtection': '\(other.prefix(32))'. Must be true or false")
        }
    }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        return context.done(.setDeletionProtection, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instances.delete` [listVolumes, detachVolume, destroyVirtualMachine volumeids=…]: data disks marked
/// auto-delete are deleted with the instance, the others detached first and kept, as GCE does.
enum InstancesDelete: GCEMethod {
    static let id = "compute.instances.delete"
    static let httpMethod = HTTPMethod.delete
    static let path = "projects/{project}/zones/{zone}/instances/{instance}"

    static func decode(_ request: MethodRequest) throws(GCEError) -> ZonalResourceInput { try ZonalResourceInput(request, "instance") }

    static func call(_ input: ZonalResourceInput, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.name)
        var parameters: Parameters = ["id": vm.row.id ?? ""]
        let data = try await context.listAll(CommandTable.listVolumes, ["virtualmachineid": vm.row.id ?? ""]).namedDisks()
            .filter { $0.row.type != "ROOT" }
        for volume in data where !DiskTags.autoDelete(volume) {
            try await context.awaitJob(try await context.call(CommandTable.detachVolume, ["id": volume.row.id ?? ""]).jobid)
        }
        try await context.releaseAccessConfig(of: vm)
        parameters.setList("volumeids", data.filter { DiskTags.autoDelete($0) }.compactMap(\.row.id))
        let receipt = try await context.call(CommandTable.destroyVirtualMachine, parameters)
        return context.started(.delete, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instances.detachDisk` [detachVolume]: the data disk of that `deviceName`; the boot disk is refused.
enum InstancesDetachDisk: GCEMethod {
    static let id = "compute.instances.detachDisk"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/detachDisk"

    /// The instance and the `deviceName` query parameter.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let deviceName: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        guard let deviceName = request.query["deviceName"], !deviceName.isEmpty else { throw GCEError.required("deviceName") }
        guard ResourceNames.isValid(deviceName) else {
            throw GCEError.invalid("Invalid value for field 'deviceName': '\(deviceName.prefix(128))'")
        }
        return Input(target: target, deviceName: deviceName)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let vmID = vm.row.id ?? ""
        let attached = try await context.volumes(zoneID: zone.row.id ?? "").filter { $0.row.virtualmachineid == vmID }
        guard let volume = attached.first(where: { DiskTags.deviceName($0) == input.deviceName }) else {
            throw GCEError.invalid(
                "Invalid value for field 'deviceName': '\(input.deviceName)'. No disk with that device name is attached to instance \(vm.name)"
            )
        }
        guard volume.row.type != "ROOT" else {
            throw GCEError.invalid("Invalid value for field 'deviceName': '\(input.deviceName)'. The boot disk cannot be detached")
        }
        let receipt = try await context.call(CommandTable.detachVolume, ["id": volume.row.id ?? ""])
        return context.started(.detachDisk, job: receipt.jobid, target: vmID, scope: .zone(zone.name), targetName: vm.name)
    }
}

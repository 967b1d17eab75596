import CloudStack
import Pipeline

/// `compute.instances.setDiskAutoDelete` [deleteTags, createTags]: a data disk's auto-delete flag, kept in its
/// `gce-auto-delete` tag and honoured by instances.delete. A boot disk always goes with its instance in CloudStack:
/// `autoDelete=false` on it is refused.
enum InstancesSetDiskAutoDelete: GCEMethod {
    static let id = "compute.instances.setDiskAutoDelete"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setDiskAutoDelete"

    /// The instance and the `autoDelete` and `deviceName` query parameters.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let autoDelete: Bool
        let deviceName: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let autoDelete: Bool
        switch request.query["autoDelete"] {
        case "true"?: autoDelete = true
        case "false"?: autoDelete = false
        case nil, ""?: throw GCEError.required("autoDelete")
        case let other?: throw GCEError.invalid("Invalid value for field 'autoDelete': '\(other.prefix(64))'")
        }
        guard let deviceName = request.query["deviceName"], !deviceName.isEmpty else { throw GCEError.required("deviceName") }
        guard ResourceNames.isValid(deviceName) else {
            throw GCEError.invalid("Invalid value for field 'deviceName': '\(deviceName.prefix(128))'")
        }
        return Input(target: target, autoDelete: autoDelete, deviceName: deviceName)
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
        if volume.row.type == "ROOT" {
            guard input.autoDelete else {
                throw GCEError.invalid("Invalid value for field 'autoDelete': CloudStack always deletes a boot disk with its instance")
            }
            return context.done(.setDiskAutoDelete, target: vmID, scope: .zone(zone.name), targetName: vm.name)
        }
        let old = volume.row.tags.contains { $0.key == DiskTags.autoDelete } ? [DiskTags.autoDelete] : []
        let tags = input.autoDelete ? [(key: DiskTags.autoDelete, value: "true")] : []
        let job = try await context.replaceTags(on: volume.row.id ?? "", type: "Volume", oldKeys: old, newTags: tags)
        guard let job else { return context.done(.setDiskAutoDelete, target: vmID, scope: .zone(zone.name), targetName: vm.name) }
        return context.started(.setDiskAutoDelete, job: job, target: vmID, scope: .zone(zone.name), targetName: vm.name)
    }
}

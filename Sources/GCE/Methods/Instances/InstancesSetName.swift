import CloudStack
import Pipeline

/// `compute.instances.setName` [updateVirtualMachine name, displayname]: `currentName` must be the instance's name
/// (412 otherwise) and, as on GCE, the instance must be stopped (CloudStack 4.18 also changes a VM's name only then).
enum InstancesSetName: GCEMethod {
    static let id = "compute.instances.setName"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/setName"

    /// The instance and the `InstancesSetNameRequest` body.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let name: String
        let currentName: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        let body = try request.json().requireObject()
        for (member, _) in body.members where member != "name" && member != "currentName" {
            throw GCEError.invalid("Invalid JSON payload received. Unknown name \"\(member.prefix(64))\"")
        }
        let name = try body.requiredString("name", at: "name")
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'name': '\(name.prefix(128))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'")
        }
        let currentName = try body.requiredString("currentName", at: "currentName")
        return Input(target: target, name: name, currentName: currentName)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vms = try await context.virtualMachines(zoneID: zone.row.id ?? "")
        guard let vm = vms.find(input.target.name, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/instances/\(input.target.name)")
        }
        guard input.currentName == vm.name else {
            throw GCEError.conditionNotMet(
                "Supplied current name '\(input.currentName.prefix(64))' does not match the instance name '\(vm.name)'.")
        }
        guard input.name != vm.name else {
            return context.done(.setName, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
        }
        if vms.contains(where: { $0.name == input.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/instances/\(input.name)")
        }
        guard Conversions.status(vm.row.state) == "TERMINATED" else {
            throw GCEError.invalid(
                "The resource 'projects/\(context.project)/zones/\(zone.name)/instances/\(vm.name)' is not ready: "
                    + "the instance must be stopped to be renamed")
        }
        _ = try await context.call(
            CommandTable.updateVirtualMachine, ["id": vm.row.id ?? "", "name": input.name, "displayname": input.name])
        return context.done(.setName, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: input.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instances.addNetworkInterface` [addNicToVirtualMachine]: one more NIC on the `network`/`subnetwork`
/// the body names, at `networkIP` when given (resolved as instances.insert resolves an interface).
enum InstancesAddNetworkInterface: GCEMethod {
    static let id = "compute.instances.addNetworkInterface"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/{instance}/addNetworkInterface"

    /// The instance and the interface to add.
    struct Input: Sendable {
        let zone: String
        let instance: String
        let interface: RequestedInterface
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let zone = try request.name("zone")
        let instance = try request.name("instance")
        let body = try request.json().requireObject()
        if !(try body.array("accessConfigs", at: "resource.accessConfigs")).isEmpty {
            throw GCEError.unsupported("resource.accessConfigs")
        }
        // The body is one NetworkInterface: read it as instances.insert reads `networkInterfaces[0]`.
        let wrapped = BodyValue.object([("networkInterfaces", .array([body]))])
        try UnsupportedInstanceFields.refuse(wrapped)
        guard let interface = try RequestedInterface.decode(wrapped).first, interface.network != nil || interface.subnetwork != nil
        else { throw GCEError.required("resource.network") }
        return Input(zone: zone, instance: instance, interface: interface)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let vm = try await context.instance(in: zone, input.instance)
        let plan = try await InterfacePlan.resolve([input.interface], zone: zone, context: context, forced: true)
        guard let nic = plan.nics.first else { throw GCEError.required("resource.network") }
        if vm.row.nic.contains(where: { $0.networkid == nic.networkID }) {
            throw GCEError.invalid("Invalid value for field 'resource.subnetwork': the instance already has an interface there")
        }
        var parameters: Parameters = ["virtualmachineid": vm.row.id ?? "", "networkid": nic.networkID]
        parameters["ipaddress"] = nic.ip
        let receipt = try await context.call(CommandTable.addNicToVirtualMachine, parameters)
        return context.started(
            .addNetworkInterface, job: receipt.jobid, target: vm.row.id ?? "", scope: .zone(zone.name), targetName: vm.name)
    }
}

import CloudStack
import Pipeline

/// `compute.instanceGroups.insert` [createInstanceGroup name=`<zone>/<name>`]: CloudStack 4.18 keeps only a name
/// for an instance group (no description, no tags), so `description`, `namedPorts`, `network` and `subnetwork`
/// are refused naming them; the group's network follows its instances.
enum InstanceGroupsInsert: GCEMethod {
    static let id = "compute.instanceGroups.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instanceGroups"

    /// The zone and the new group's name.
    struct Input: Sendable {
        let zone: String
        let name: String
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let zone = try request.name("zone")
        let body = try request.json().requireObject()
        let name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name.prefix(128))'. Must be a match of regex '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?'"
            )
        }
        // libcloud sends the zone's link too; one naming another zone contradicts the path.
        if let given = try body.string("zone", at: "resource.zone"), !ResourceID.isNumeric(zone), lastSegment(given) != zone {
            throw GCEError.invalid("Invalid value for field 'resource.zone': '\(given.prefix(256))'. It must be the zone \(zone)")
        }
        try body.refuseUnsupported("description", at: "resource.description", accepting: [""])
        try body.refuseUnsupported("network", at: "resource.network")
        try body.refuseUnsupported("subnetwork", at: "resource.subnetwork")
        if !(try body.array("namedPorts", at: "resource.namedPorts")).isEmpty { throw GCEError.unsupported("resource.namedPorts") }
        return Input(zone: zone, name: name)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        if try await context.instanceGroups(in: zone).contains(where: { $0.name == input.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/instanceGroups/\(input.name)")
        }
        let created = try await context.call(
            CommandTable.createInstanceGroup, ["name": MethodCall.cloudStackGroupName(zone: zone.name, name: input.name)])
        return context.done(.groupInsert, target: created.id ?? "", scope: .zone(zone.name), targetName: input.name)
    }
}

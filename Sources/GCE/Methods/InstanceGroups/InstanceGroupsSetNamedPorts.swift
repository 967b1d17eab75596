import Pipeline

/// `compute.instanceGroups.setNamedPorts` [listInstanceGroups]: CloudStack 4.18 has nowhere to keep named ports
/// (an instance group has only a name: no description, no tags), so a non-empty `namedPorts` is refused naming it;
/// an empty list, which is what every group has, is answered DONE. A stale `fingerprint` is 412.
enum InstanceGroupsSetNamedPorts: GCEMethod {
    static let id = "compute.instanceGroups.setNamedPorts"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instanceGroups/{instanceGroup}/setNamedPorts"

    /// The group and the fingerprint the caller read.
    struct Input: Sendable {
        let target: ZonalResourceInput
        let fingerprint: String?
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instanceGroup")
        let body = try request.json().requireObject()
        if !(try body.array("namedPorts", at: "resource.namedPorts")).isEmpty { throw GCEError.unsupported("resource.namedPorts") }
        return Input(target: target, fingerprint: try body.string("fingerprint", at: "resource.fingerprint"))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let group = try await context.instanceGroup(in: zone, input.target.name)
        if let given = input.fingerprint {
            try context.checkFingerprint(given, current: MethodCall.fingerprint(group), what: "instance group")
        }
        return context.done(.groupSetNamedPorts, target: group.row.id ?? "", scope: .zone(zone.name), targetName: group.name)
    }
}

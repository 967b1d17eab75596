import CloudStack
import Crypto
import Pipeline

/// `compute.instances.update` [deleteTags, createTags, updateVirtualMachine userdata, changeServiceForVirtualMachine]:
/// the whole `Instance` as a client sends it back from a get. Settable: `description`, `labels`, `metadata`,
/// `tags`, `machineType` (instance stopped), and `scheduling`/`deletionProtection` as far as CloudStack has them.
/// Output-only members are ignored; any other member is refused, naming it, when it differs from the instance.
enum InstancesUpdate: GCEMethod {
    static let id = "compute.instances.update"
    static let httpMethod = HTTPMethod.put
    static let path = "projects/{project}/zones/{zone}/instances/{instance}"

    /// Output-only members of `Instance`, ignored as GCE ignores them.
    static let outputOnly: Set<String> = [
        "cpuPlatform", "creationTimestamp", "fingerprint", "id", "kind", "labelFingerprint", "lastStartTimestamp",
        "lastStopTimestamp", "lastSuspendedTimestamp", "resourceStatus", "satisfiesPzi", "satisfiesPzs", "selfLink",
        "startRestricted", "status", "statusMessage", "zone",
    ]
    /// Members update changes.
    static let settable: Set<String> = ["deletionProtection", "description", "labels", "machineType", "metadata", "scheduling", "tags"]
    /// Members update cannot change on CloudStack: accepted only when equal to the instance's current value.
    static let unchangeable: Set<String> = [
        "advancedMachineFeatures", "canIpForward", "confidentialInstanceConfig", "disks", "displayDevice", "guestAccelerators",
        "hostname", "instanceEncryptionKey", "keyRevocationActionType", "localSsdEncryptionMode", "minCpuPlatform", "name",
        "networkInterfaces", "networkPerformanceConfig", "params", "privateIpv6GoogleAccess", "reservationAffinity",
        "resourcePolicies", "serviceAccounts", "shieldedInstanceConfig", "shieldedInstanceIntegrityPolicy",
        "sourceMachineImage", "sourceMachineImageEncryptionKey", "workloadIdentityConfig",
    ]

    /// The instance and the settable members of the body (nil: not given, left as it is).
    struct Input: Sendable {
        let target: ZonalResourceInput
        let description: String?
        let labels: [(key: String, value: String)]?
        let labelFingerprint: String?
        let metadata: [(key: String, value: String)]?
        let metadataFingerprint: String?
        let sshKeys: SSHKeys
        let tags: [String]?
        let tagsFingerprint: String?
        let machineType: String?
        /// The unchangeable members given, compared with the instance in `call`.
        let fixed: [(name: String, value: BodyValue)]
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let target = try ZonalResourceInput(request, "instance")
        for name in ["minimalAction", "mostDisruptiveAllowedAction"] {
            guard let value = request.query[name] else { continue }
            guard ["NO_EFFECT", "REFRESH", "RESTART"].contains(value) else {
                throw GCEError.invalid("Invalid value for field '\(name)': '\(value.prefix(32))'")
            }
            // Every change this bridge makes takes effect at once (NO_EFFECT); a restart it does not perform.
            if name == "minimalAction", value == "RESTART" {
                throw GCEError.invalid("Invalid value for field 'minimalAction': 'RESTART'. Restart the instance with instances.reset")
            }
        }
        if let discard = request.query["discardLocalSsd"], discard != "false", discard != "true" {
            throw GCEError.invalid("Invalid value for field 'discardLocalSsd': '\(discard.prefix(32))'")
        }
        let body = try request.json().requireObject()
        var fixed: [(name: String, value: BodyValue)] = []
        for (name, value) in body.members {
            if outputOnly.contains(name) || settable.contains(name) { continue }
            guard unchangeable.contains(name) else {
                throw GCEError.invalid("Invalid JSON payload received. Unknown name \"\(name.prefix(64))\" at 'resource'")
            }
            fixed.append((name, value))
        }
        if let name = try body.string("name", at: "resource.name"), !ResourceNames.isValid(name) {
            throw GCEError.invalid("Invalid value for field 'resource.name': '\(name.prefix(128))'")
        }
        if let scheduling = try body.object("scheduling", at: "resource.scheduling") {
            try SchedulingCheck.check(scheduling, prefix: "resource.scheduling.")
        }
        switch body["deletionProtection"] {
        case nil, .null?, .bool(false)?: break
        case .bool(true)?:
            throw GCEError.invalid(
                "Invalid value for field 'resource.deletionProtection': 'true'. CloudStack 4.18 has no deletion protection")
        default: throw GCEError.invalid("Invalid value for field 'resource.deletionProtection': must be a boolean")
        }
        var labels: [(key: String, value: String)]?
        if try body.object("labels", at: "resource.labels") != nil {
            labels = try body.stringMap("labels", at: "resource.labels")
            try Labels.validate(labels ?? [])
        }
        let metadataObject = try body.object("metadata", at: "resource.metadata")
        let metadata = try metadataObject?.metadataItems(at: "resource.metadata")
        let tagsObject = try body.object("tags", at: "resource.tags")
        let tags = try tagsObject?.strings("items", at: "resource.tags.items")
        try NetworkTags.validate(tags ?? [])
        let machineType = try body.string("machineType", at: "resource.machineType")
        if let machineType { _ = try ResourceReference.name(machineType, field: "resource.machineType") }
        return Input(
            target: target, description: try body.string("description", at: "resource.description"), labels: labels,
            labelFingerprint: try body.string("labelFingerprint", at: "resource.labelFingerprint"), metadata: metadata,
            metadataFingerprint: try metadataObject?.string("fingerprint", at: "resource.metadata.fingerprint"),
            sshKeys: try SSHKeys(items: metadata ?? []), tags: tags,
            tagsFingerprint: try tagsObject?.string("fingerprint", at: "resource.tags.fingerprint"), machineType: machineType,
            fixed: fixed)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.target.zone)
        let vm = try await context.instance(in: zone, input.target.name)
        let current = try await context.instanceView(vm, zone: zone)
        let currentBody = try BodyValue.parse(current.json)
        for (name, value) in input.fixed where !BodyComparison.matches(value, currentBody[name]) {
            throw GCEError.invalid(
                "Invalid value for field 'resource.\(name)': instances.update cannot change it on CloudStack 4.18")
        }
        let id = vm.row.id ?? ""
        var oldKeys: [String] = []
        var newTags: [(key: String, value: String)] = []
        if let labels = input.labels, !same(labels, current.labels) {
            if let given = input.labelFingerprint {
                try context.checkFingerprint(given, current: Fingerprint.of(pairs: current.labels), what: "label")
            }
            oldKeys += current.labels.map(\.key)
            newTags += labels
        }
        if let description = input.description, description != (current.description ?? "") {
            if current.description != nil { oldKeys.append("gce-description") }
            if !description.isEmpty { newTags.append(("gce-description", description)) }
        }
        if let tags = input.tags, tags != current.tags {
            if let given = input.tagsFingerprint {
                try context.checkFingerprint(given, current: Fingerprint.of(current.tags), what: "tags")
            }
            if vm.row.tags.contains(where: { $0.key == "gce-tags" }) { oldKeys.append("gce-tags") }
            if !tags.isEmpty { newTags.append(("gce-tags", tags.joined(separator: ","))) }
        }
        if let metadata = input.metadata, !same(metadata, current.metadata.items) {
            if let given = input.metadataFingerprint {
                try context.checkFingerprint(given, current: current.metadata.fingerprint, what: "metadata")
            }
            if let userData = metadata.first(where: { $0.key == "user-data" || $0.key == "startup-script" })?.value {
                _ = try await context.call(
                    CommandTable.updateVirtualMachine, ["id": id, "userdata": Base64.encode(Array(userData.utf8))])
            }
            _ = try await context.registerKeys(input.sshKeys, prefix: "gce-i-")
            oldKeys += MetadataTags.metadataKeys(vm.row.tags, prefix: MetadataTags.instancePrefix)
            newTags += MetadataTags.tags(for: metadata, prefix: MetadataTags.instancePrefix)
        }
        if let machineType = input.machineType, lastSegment(machineType) != lastSegment(current.machineType) {
            guard Conversions.status(vm.row.state) == "TERMINATED" else {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.machineType': the instance must be stopped to change its machine type")
            }
            let offering = try await context.offering(for: machineType, zone: zone)
            var parameters: Parameters = ["id": id, "serviceofferingid": offering.id]
            if !offering.details.isEmpty { parameters.setMap("details", [offering.details.map { (field: $0.0, value: $0.1) }]) }
            _ = try await context.call(InstancesSetMachineType.changeService, parameters)
        }
        let job = try await context.replaceTags(on: id, type: "UserVm", oldKeys: oldKeys, newTags: newTags)
        guard let job else { return context.done(.update, target: id, scope: .zone(zone.name), targetName: vm.name) }
        return context.started(.update, job: job, target: id, scope: .zone(zone.name), targetName: vm.name)
    }

    private static func same(_ a: [(key: String, value: String)], _ b: [(key: String, value: String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

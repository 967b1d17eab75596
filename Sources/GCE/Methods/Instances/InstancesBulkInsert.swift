import CloudStack
import Pipeline

/// `compute.instances.bulkInsert` [per instance what instances.insert calls; then queryAsyncJobResult until every
/// deploy is done; for an instance to delete again: what instances.delete calls].
///
/// One `Instance` body per instance is built from `instanceProperties` and a name (`BulkInsertNames`) and run
/// through instances.insert's own `decode` and `call`, so its checks and refusals are the same. The deploys are all
/// submitted, then all waited for, and the answer is one zonal operation, DONE when every instance is made. When
/// fewer than `minCount` could be made, the ones made are deleted again (GCE's all-or-nothing) and the operation
/// carries `minCountError`. An instance that failed is deleted in any case. `sourceInstanceTemplate` (no instance
/// templates are served), `locationPolicy`, `instanceFlexibilityPolicy`, `perInstanceProperties.*.hostname` and
/// `instanceProperties.resourceManagerTags` are refused naming them.
enum InstancesBulkInsert: GCEMethod {
    static let id = "compute.instances.bulkInsert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances/bulkInsert"

    /// The bound on `count`: every instance is deployed and waited for within the one request.
    static let maximumCount = 100

    /// `BulkInsertInstanceResource` members that are read.
    static let read: Set<String> = ["count", "minCount", "namePattern", "perInstanceProperties", "instanceProperties"]
    /// `BulkInsertInstanceResource` members refused unless at their default.
    static let refused: [(name: String, accepting: [String])] = [
        ("instanceFlexibilityPolicy", ["{}"]), ("locationPolicy", ["{}"]), ("sourceInstanceTemplate", [""]),
    ]
    /// `InstanceProperties` members that `Instance` does not have, refused unless at their default; every other
    /// member is the `Instance` member of that name, which instances.insert honours or refuses.
    static let refusedProperties: [(name: String, accepting: [String])] = [("resourceManagerTags", ["{}"])]

    /// The operation error when fewer than `minCount` instances could be made.
    static let minCountError = GCEError(
        status: 412, reason: "conditionNotMet",
        message: "Fewer than minCount instances could be created; the instances that were created have been deleted")

    /// The zone, the names to make and the `instanceProperties` each instance is made from.
    struct Input: Sendable {
        let zone: String
        let names: BulkInsertNames
        let minCount: Int
        /// `instanceProperties`, checked by decoding a sample instance from it.
        let properties: BodyValue
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let zone = try request.name("zone")
        let body = try request.json().requireObject()
        for member in refused {
            try body.refuseUnsupported(member.name, at: "resource.\(member.name)", accepting: member.accepting)
        }
        guard let count = try body.int64("count", at: "resource.count") else { throw GCEError.required("resource.count") }
        guard (1...Int64(maximumCount)).contains(count) else {
            throw GCEError.invalid("Invalid value for field 'resource.count': '\(count)'. Must be between 1 and \(maximumCount)")
        }
        let minCount = try body.int64("minCount", at: "resource.minCount") ?? count
        guard (1...count).contains(minCount) else {
            throw GCEError.invalid("Invalid value for field 'resource.minCount': '\(minCount)'. Must be between 1 and count (\(count))")
        }
        var pattern: BulkInsertNames.Pattern?
        if let text = try body.string("namePattern", at: "resource.namePattern") { pattern = try BulkInsertNames.Pattern(text) }
        let named = try perInstanceNames(try body.object("perInstanceProperties", at: "resource.perInstanceProperties"))
        guard named.count <= count else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.perInstanceProperties': \(named.count) names for a count of \(count)")
        }
        guard named.count == count || pattern != nil else {
            throw GCEError.invalid(
                named.isEmpty
                    ? "Invalid value for field 'resource.namePattern': either namePattern or perInstanceProperties must be set"
                    : "Invalid value for field 'resource.namePattern': required when perInstanceProperties names fewer than count instances"
            )
        }
        guard let properties = try body.object("instanceProperties", at: "resource.instanceProperties") else {
            throw GCEError.required("resource.instanceProperties")
        }
        for member in refusedProperties {
            try properties.refuseUnsupported(
                member.name, at: "resource.instanceProperties.\(member.name)", accepting: member.accepting)
        }
        // Every member's own check, once, before any CloudStack call: the names differ, nothing else does.
        _ = try instance(properties, name: named.first ?? pattern?.name(1) ?? "", zone: zone)
        return Input(
            zone: zone, names: BulkInsertNames(named: named, pattern: pattern, count: Int(count)), minCount: Int(minCount),
            properties: properties)
    }

    /// The keys of `perInstanceProperties`, each a valid name given once; `hostname` is refused (CloudStack names the
    /// guest after the instance), `name` is output only and may only repeat the key.
    private static func perInstanceNames(_ map: BodyValue?) throws(GCEError) -> [String] {
        var names: [String] = []
        for (key, value) in map?.members ?? [] {
            let path = "resource.perInstanceProperties.\(key.prefix(63))"
            guard ResourceNames.isValid(key) else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path)': '\(key.prefix(128))'. Must be a match of regex "
                        + "'(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'")
            }
            guard !names.contains(key) else { throw GCEError.invalid("Invalid value for field '\(path)': the name is given twice") }
            let properties = try value.requireObject(path)
            try properties.refuseUnsupported("hostname", at: "\(path).hostname", accepting: [""])
            try properties.refuseUnsupported("name", at: "\(path).name", accepting: [key])
            names.append(key)
        }
        return names
    }

    /// instances.insert's input for one instance; its errors name `resource.instanceProperties.<member>`.
    static func instance(_ properties: BodyValue, name: String, zone: String) throws(GCEError) -> InstancesInsert.Input {
        let body = BodyValue.object([("name", .string(name))] + properties.members.filter { $0.0 != "name" })
        do {
            return try InstancesInsert.decode(zone: zone, body: body)
        } catch {
            throw error.renamingResource()
        }
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        let existing = Set(try await context.virtualMachines(zoneID: zone.row.id ?? "").map(\.name))
        if let taken = input.names.named.first(where: existing.contains) {
            throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/instances/\(taken)")
        }
        let names = try input.names.names(existing: existing)
        let inserts = try names.map { name throws(GCEError) in try instance(input.properties, name: name, zone: input.zone) }
        // Every deploy is submitted before any is waited for, so CloudStack runs them side by side and the request
        // lasts about one deploy rather than `count` of them (an insert with extra disks or an access config still
        // waits for its own deploy inside instances.insert).
        var submitted: [(name: String, job: String?)] = []
        var failed: [String] = []
        for insert in inserts {
            guard failed.count <= inserts.count - input.minCount else { break }
            do {
                let operation = try await InstancesInsert.call(insert, in: context)
                var job: String?
                if let name = OperationName(operation.name), case .job(let id) = name.progress { job = id }
                submitted.append((insert.name, job))
            } catch {
                // The first instance's refusal (an unknown machine type or image, a missing network: a 4xx) is the
                // answer, as instances.insert gives it, since nothing was made before it.
                if submitted.isEmpty && failed.isEmpty, let refusal = error as? GCEError, refusal.status < 500 {
                    await delete([insert.name], in: zone, context: context)
                    throw refusal.renamingResource()
                }
                failed.append(insert.name)
            }
        }
        var made: [String] = []
        for instance in submitted {
            do {
                if let job = instance.job { try await context.awaitJob(job) }
                made.append(instance.name)
            } catch {
                failed.append(instance.name)
            }
        }
        let enough = made.count >= input.minCount
        await delete(enough ? failed : failed + made, in: zone, context: context)
        return context.done(
            enough ? .bulkInsert : .bulkInsertFailed, target: try await context.account().id ?? "", scope: .zone(zone.name),
            targetName: zone.name)
    }

    /// Deletes the zone's instances of these names as instances.delete does, each job waited for. Best effort: an
    /// instance that cannot be deleted stays listed, where the caller sees it.
    private static func delete(_ names: [String], in zone: Named<CloudStack.Zone>, context: MethodCall) async {
        guard !names.isEmpty, let vms = try? await context.virtualMachines(zoneID: zone.row.id ?? "") else { return }
        for vm in vms where names.contains(vm.name) {
            guard let operation = try? await InstancesDelete.call(ZonalResourceInput(zone: zone.name, name: vm.name), in: context),
                let name = OperationName(operation.name), case .job(let job) = name.progress
            else { continue }
            try? await context.awaitJob(job)
        }
    }
}

extension GCEError {
    /// The error with instances.insert's `resource.<member>` paths moved under `resource.instanceProperties`.
    fileprivate func renamingResource() -> GCEError {
        var error = self
        error.message = message.replacing("'resource.", with: "'resource.instanceProperties.")
        return error
    }
}

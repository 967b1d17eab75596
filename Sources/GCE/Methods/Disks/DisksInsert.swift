import CloudStack
import Pipeline

/// `compute.disks.insert` [createVolume, createTags]: a data volume named after the disk, sized through a
/// custom-size disk offering (or a fixed one of exactly that size), or restored from a snapshot.
/// `sourceImage` is refused: CloudStack 4.18's createVolume takes no template.
enum DisksInsert: GCEMethod {
    static let id = "compute.disks.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/disks"

    /// GCE's largest persistent disk, and the size of a custom-size disk when `sizeGb` is left out.
    static let maximumGb: Int64 = 65536
    static let defaultGb: Int64 = 10

    /// The zone and the `Disk` body.
    struct Input: Sendable {
        let zone: String
        let name: String
        let description: String?
        let sizeGb: Int64?
        let type: String?
        let sourceSnapshot: String?
        let labels: [(key: String, value: String)]
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
        if request.query["sourceImage"] != nil {
            throw GCEError.invalid(
                "Invalid value for field 'sourceImage': CloudStack 4.18 cannot create a data volume from a template; "
                    + "create an instance from the image, or a disk from a snapshot")
        }
        if try body.string("sourceImage", at: "resource.sourceImage") != nil {
            throw GCEError.invalid(
                "Invalid value for field 'resource.sourceImage': CloudStack 4.18 cannot create a data volume from a template; "
                    + "create an instance from the image, or a disk from a snapshot")
        }
        let sizeGb = try body.int64("sizeGb", at: "resource.sizeGb")
        if let sizeGb, sizeGb < 1 || sizeGb > maximumGb {
            throw GCEError.invalid("Invalid value for field 'resource.sizeGb': '\(sizeGb)'. Must be between 1 and \(maximumGb) GB")
        }
        var type: String?
        if let reference = try body.string("type", at: "resource.type") {
            type = try ResourceReference.name(reference, field: "resource.type")
        }
        var snapshot: String?
        if let reference = try body.string("sourceSnapshot", at: "resource.sourceSnapshot") {
            snapshot = try ResourceReference.name(reference, field: "resource.sourceSnapshot")
        }
        if snapshot != nil, type != nil {
            throw GCEError.invalid(
                "Invalid value for field 'resource.type': a disk restored from a snapshot keeps the snapshot's disk type")
        }
        let labels = try body.stringMap("labels", at: "resource.labels")
        try Labels.validate(labels)
        return Input(
            zone: zone, name: name, description: try body.string("description", at: "resource.description"), sizeGb: sizeGb,
            type: type, sourceSnapshot: snapshot, labels: labels)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        if try await context.volumes(zoneID: zone.row.id ?? "").contains(where: { $0.name == input.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/disks/\(input.name)")
        }
        var parameters: Parameters = ["zoneid": zone.row.id ?? "", "name": input.name]
        if let wanted = input.sourceSnapshot {
            let snapshot = try await context.snapshot(wanted)
            if let size = input.sizeGb, let bytes = snapshot.row.virtualsize ?? snapshot.row.physicalsize,
                size != (bytes + (1 << 30) - 1) >> 30
            {
                throw GCEError.invalid("Invalid value for field 'resource.sizeGb': a disk restored from a snapshot has the snapshot's size")
            }
            parameters["snapshotid"] = snapshot.row.id
        } else {
            let offering = try await diskOffering(input.type, zone: zone, context: context)
            if offering.row.iscustomized == true || (offering.row.disksize ?? 0) == 0 {
                parameters["size"] = String(input.sizeGb ?? defaultGb)
            } else if let size = input.sizeGb, size != offering.row.disksize {
                throw GCEError.invalid(
                    "Invalid value for field 'resource.sizeGb': '\(size)'. Disk type \(offering.name) has a fixed size of "
                        + "\(offering.row.disksize ?? 0) GB")
            }
            parameters["diskofferingid"] = offering.row.id
        }
        let receipt = try await context.call(CommandTable.createVolume, parameters)
        guard let volumeID = receipt.id else { throw GCEError.backend("createVolume returned no id") }
        var tags = input.labels
        if let description = input.description, !description.isEmpty { tags.append(("gce-description", description)) }
        if let job = try await context.replaceTags(on: volumeID, type: "Volume", oldKeys: [], newTags: tags) {
            try await context.awaitJob(job)
        }
        return context.started(.diskInsert, job: receipt.jobid, target: volumeID, scope: .zone(zone.name), targetName: input.name)
    }

    /// The disk offering a `type` names; without one, the zone's first custom-size offering.
    static func diskOffering(_ type: String?, zone: Named<CloudStack.Zone>, context: MethodCall) async throws(GCEError)
        -> Named<DiskOffering>
    {
        let offerings = try await context.diskOfferings(zoneID: zone.row.id)
        if let type {
            guard let found = offerings.find(type, id: { $0.id ?? "" }) else {
                if type == BootDiskType.name {
                    throw GCEError.invalid(
                        "Invalid value for field 'resource.type': '\(type)' is the boot disk type of compute offerings; "
                            + "CloudStack 4.18 creates a data disk from a disk offering: name one of the zone's other disk types")
                }
                throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/diskTypes/\(type)")
            }
            return found
        }
        guard let custom = offerings.first(where: { $0.row.iscustomized == true || ($0.row.disksize ?? 0) == 0 }) else {
            throw GCEError.invalid("Invalid value for field 'resource.type': zone \(zone.name) has no custom-size disk type; name one")
        }
        return custom
    }
}

import CloudStack
import Pipeline

/// `compute.images.insert`: from a disk [createTemplate volumeid=…] or a URL [registerTemplate url=…].
///
/// CloudStack needs an OS type and (for URLs) a hypervisor and format GCE does not carry: the OS type comes
/// from `family` when a template of that family exists, else from the source disk's or the first template's;
/// the hypervisor from that template; the format from the URL's extension.
enum ImagesInsert: GCEMethod {
    static let id = "compute.images.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/global/images"

    /// The `Image` resource in the body, as far as the bridge honours it.
    struct Input: Sendable {
        enum Source: Sendable {
            /// `rawDisk.source`: a URL CloudStack downloads.
            case url(String)
            /// `sourceDisk`: `…/zones/<zone>/disks/<disk>`.
            case disk(zone: String, name: String)
        }

        let name: String
        let description: String?
        let family: String?
        let source: Source
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        let body = try request.json().requireObject()
        let name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else { throw GCEError.invalid("Invalid value for field 'resource.name': '\(name.prefix(128))'") }
        let source: Input.Source
        if let url = try body.object("rawDisk", at: "resource.rawDisk")?.string("source", at: "resource.rawDisk.source") {
            source = .url(url)
        } else if let disk = try body.string("sourceDisk", at: "resource.sourceDisk") {
            let parts = disk.split(separator: "/")
            guard let zoneIndex = parts.firstIndex(of: "zones"), zoneIndex + 3 < parts.count else {
                throw GCEError.invalid("Invalid value for field 'resource.sourceDisk': '\(disk.prefix(256))'")
            }
            try ResourceReference.check(parts[zoneIndex + 1], in: disk, field: "resource.sourceDisk")
            try ResourceReference.check(parts[zoneIndex + 3], in: disk, field: "resource.sourceDisk")
            source = .disk(zone: String(parts[zoneIndex + 1]), name: String(parts[zoneIndex + 3]))
        } else {
            throw GCEError.invalid("Exactly one of 'rawDisk.source' or 'sourceDisk' must be given")
        }
        return Input(
            name: name, description: try body.string("description", at: "resource.description"),
            family: try body.string("family", at: "resource.family"), source: source)
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let templates = try await context.templates()
        if templates.contains(where: { $0.name == input.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/global/images/\(input.name)")
        }
        let model = templates.first { input.family != nil && Conversions.family($0.row) == input.family } ?? templates.first
        let description = input.description ?? input.name
        switch input.source {
        case .url(let source):
            var parameters: Parameters = [
                "name": input.name, "displaytext": description, "url": source, "zoneid": "-1",
                "format": format(of: source), "hypervisor": model?.row.hypervisor ?? "KVM",
            ]
            parameters["ostypeid"] = model?.row.ostypeid
            let rows = try await context.call(CommandTable.registerTemplate, parameters)
            guard let id = rows.items.first?.id else { throw GCEError.backend("registerTemplate returned no template") }
            return context.done(.imageInsert, target: id, scope: .global, targetName: input.name)
        case .disk(let zoneName, let diskName):
            let zone = try await context.zone(zoneName)
            let volume = try await context.disk(in: zone, diskName)
            var parameters: Parameters = ["name": input.name, "displaytext": description, "volumeid": volume.row.id ?? ""]
            parameters["ostypeid"] = model?.row.ostypeid
            let receipt = try await context.call(CommandTable.createTemplate, parameters)
            return context.started(
                .imageInsert, job: receipt.jobid, target: receipt.id ?? volume.row.id ?? "", scope: .global, targetName: input.name)
        }
    }

    /// CloudStack's `format` from a URL's extension (QCOW2 when unknown).
    static func format(of url: String) -> String {
        let lower = url.lowercased()
        for (suffix, format) in [
            (".vhd", "VHD"), (".vhd.bz2", "VHD"), (".ova", "OVA"), (".raw", "RAW"), (".img", "RAW"),
            (".tar.gz", "RAW"), (".iso", "ISO"), (".vmdk", "VMDK"),
        ] where lower.hasSuffix(suffix) {
            return format
        }
        return "QCOW2"
    }
}

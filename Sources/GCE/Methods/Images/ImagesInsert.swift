import CloudStack

/// `compute.images.insert`: from a disk [createTemplate volumeid=…] or a URL [registerTemplate url=…].
///
/// CloudStack needs an OS type and (for URLs) a hypervisor and format GCE does not carry: the OS type comes
/// from `family` when a template of that family exists, else from the source disk's or the first template's;
/// the hypervisor from that template; the format from the URL's extension.
enum ImagesInsert {
    static let method = Method("compute.images.insert", .post, "projects/{project}/global/images") { call in
        let body = try BodyValue.parse(call.body)
        guard let name = body["name"]?.string else { throw GCEError.required("resource.name") }
        guard ResourceNames.isValid(name) else { throw GCEError.invalid("Invalid value for field 'resource.name': '\(name)'") }
        let templates = try await call.templates()
        if templates.contains(where: { $0.name == name }) { throw GCEError.alreadyExists("projects/\(call.project)/global/images/\(name)") }
        let family = body["family"]?.string
        let model = templates.first { family != nil && Conversions.family($0.row) == family } ?? templates.first
        let description = body["description"]?.string ?? name
        if let source = body["rawDisk"]?["source"]?.string {
            var parameters: Parameters = [
                "name": name, "displaytext": description, "url": source, "zoneid": "-1",
                "format": format(of: source), "hypervisor": model?.row.hypervisor ?? "KVM",
            ]
            parameters["ostypeid"] = model?.row.ostypeid
            let rows = try await call.call(CommandTable.registerTemplate, parameters)
            guard let id = rows.items.first?.id else { throw GCEError.backend("registerTemplate returned no template") }
            return call.done(.imageInsert, target: id, scope: .global, targetName: name)
        }
        guard let disk = body["sourceDisk"]?.string else {
            throw GCEError.invalid("Exactly one of 'rawDisk.source' or 'sourceDisk' must be given")
        }
        let parts = disk.split(separator: "/")
        guard let zoneIndex = parts.firstIndex(of: "zones"), zoneIndex + 3 < parts.count else {
            throw GCEError.invalid("Invalid value for field 'resource.sourceDisk': '\(disk)'")
        }
        let zone = try await call.zone(String(parts[zoneIndex + 1]))
        let diskName = String(parts[zoneIndex + 3])
        guard let volume = try await call.volumes(zoneID: zone.row.id ?? "").find(diskName, id: { $0.id ?? "" }) else {
            throw GCEError.notFound("projects/\(call.project)/zones/\(zone.name)/disks/\(diskName)")
        }
        var parameters: Parameters = ["name": name, "displaytext": description, "volumeid": volume.row.id ?? ""]
        parameters["ostypeid"] = model?.row.ostypeid
        let receipt = try await call.call(CommandTable.createTemplate, parameters)
        return try await call.started(
            .imageInsert, job: receipt.jobid, target: receipt.id ?? volume.row.id ?? "", scope: .global,
            targetName: name)
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

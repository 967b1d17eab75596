import CloudStack
import Crypto

/// `compute.instances.insert` [deployVirtualMachine, then createTags for labels, tags and metadata].
///
/// Honoured: `name`, `description`, `machineType` (an offering or `custom-C-M`), the boot disk's
/// `initializeParams.sourceImage` (an image, or `…/global/images/family/<f>`) and `diskSizeGb` (root disk size),
/// `networkInterfaces[0].network` (`default` lets CloudStack choose), `metadata` (`user-data` or
/// `startup-script` become CloudStack user data, `ssh-keys` become key pairs), `labels` and `tags`.
enum InstancesInsert {
    static let method = Method("compute.instances.insert", .post, "projects/{project}/zones/{zone}/instances") { call in
        let zone = try await call.zone()
        let body = try BodyValue.parse(call.body)
        guard let name = body["name"]?.string else { throw GCEError.required("resource.name") }
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name)'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'")
        }
        if try await call.virtualMachines(zoneID: zone.row.id ?? "").contains(where: { $0.name == name }) {
            throw GCEError.alreadyExists("projects/\(call.project)/zones/\(zone.name)/instances/\(name)")
        }
        guard let machineType = body["machineType"]?.string else { throw GCEError.required("resource.machineType") }
        let offering = try await call.offering(for: machineType, zone: zone)
        let disks = body["disks"]?.array ?? []
        guard disks.count <= 1 else { throw GCEError.invalid("Only a boot disk is supported at insert; attach more disks afterwards") }
        guard let source = disks.first?["initializeParams"]?["sourceImage"]?.string else {
            throw GCEError.required("resource.disks[0].initializeParams.sourceImage")
        }
        let template = try await call.sourceImage(source)
        var parameters: Parameters = [
            "zoneid": zone.row.id ?? "", "serviceofferingid": offering.id, "templateid": template.row.id ?? "",
            "name": name, "displayname": name,
        ]
        if !offering.details.isEmpty { parameters.setMap("details", [offering.details.map { (field: $0.0, value: $0.1) }]) }
        if let size = disks.first?["initializeParams"]?["diskSizeGb"]?.int64 {
            let templateGB = ((template.row.size ?? 0) + (1 << 30) - 1) >> 30
            guard size >= templateGB else {
                throw GCEError.invalid("Requested disk size cannot be smaller than the image size (\(templateGB) GB)")
            }
            if size > templateGB { parameters["rootdisksize"] = String(size) }
        }
        if let network = body["networkInterfaces"]?.array.first?["network"]?.string, lastSegment(network) != "default" {
            let wanted = lastSegment(network)
            guard let found = try await call.networks().find(wanted, id: { $0.id ?? "" }) else {
                throw GCEError.notFound("projects/\(call.project)/global/networks/\(wanted)")
            }
            parameters["networkids"] = found.row.id
        }
        // Everything the bridge can refuse is checked before CloudStack creates anything.
        var tags = body["labels"]?.labelPairs ?? []
        try Labels.validate(tags)
        let networkTags = body["tags"]?["items"]?.array.compactMap(\.string) ?? []
        for tag in networkTags where !ResourceNames.isValid(tag) {
            throw GCEError.invalid("Invalid value for field 'resource.tags.items': '\(tag)'")
        }
        let metadata = body["metadata"]?.metadataItems ?? []
        if let userData = metadata.first(where: { $0.key == "user-data" || $0.key == "startup-script" })?.value {
            parameters["userdata"] = Base64.encode(Array(userData.utf8))
        }
        let keyPairs =
            try await call.registerKeys(metadata.first { $0.key == "ssh-keys" }?.value ?? "", prefix: "gce-i-")
            + (metadata.contains { $0.key == "block-project-ssh-keys" && $0.value == "true" } ? [] : call.projectKeyPairs())
        parameters.setList("keypairs", keyPairs)
        let receipt = try await call.call(CommandTable.deployVirtualMachine, parameters)
        guard let vmID = receipt.id else { throw GCEError.backend("deployVirtualMachine returned no id") }
        if !networkTags.isEmpty { tags.append(("gce-tags", networkTags.joined(separator: ","))) }
        if let description = body["description"]?.string, !description.isEmpty { tags.append(("gce-description", description)) }
        tags += MetadataTags.tags(for: metadata, prefix: MetadataTags.instancePrefix)
        _ = try await call.replaceTags(on: vmID, type: "UserVm", oldKeys: [], newTags: tags)
        return call.started(.insert, job: receipt.jobid, target: vmID, scope: .zone(zone.name), targetName: name).json
    }
}

extension MethodCall {
    /// The template an image reference names: `…/global/images/<name>` or `…/global/images/family/<family>`.
    func sourceImage(_ reference: String) async throws(GCEError) -> Named<CloudStack.Template> {
        let parts = reference.split(separator: "/")
        if parts.count >= 2, parts[parts.count - 2] == "family" {
            let family = String(parts[parts.count - 1])
            guard let newest = try await newest(family: family) else {
                throw GCEError.notFound("projects/\(project)/global/images/family/\(family)")
            }
            return newest
        }
        return try await image(lastSegment(reference))
    }
}

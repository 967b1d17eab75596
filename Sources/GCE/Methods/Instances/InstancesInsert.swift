import CloudStack
import Crypto
import Pipeline

/// `compute.instances.insert` [deployVirtualMachine, then createTags for labels, tags and metadata].
///
/// Honoured: `name`, `description`, `machineType` (an offering or `custom-C-M`), the boot disk's
/// `initializeParams.sourceImage` (an image, or `…/global/images/family/<f>`), `diskSizeGb` (root disk size) and
/// `diskType` (a disk offering for the root volume, `overridediskofferingid`; `pd-standard` is the compute offering's),
/// `networkInterfaces[].network`, `.subnetwork` and `.networkIP` (`InstancesInsert+Networks.swift`), `metadata` (`user-data` or
/// `startup-script` become CloudStack user data, `ssh-keys` become key pairs), `labels`, `tags` and the default
/// `serviceAccounts` entry (`ServiceAccounts.swift`); every other member at its default only
/// (`UnsupportedInstanceFields.swift`);
/// `disks[1..]` are created or attached after the deploy (`ExtraDisks.swift`).
enum InstancesInsert: GCEMethod {
    static let id = "compute.instances.insert"
    static let httpMethod = HTTPMethod.post
    static let path = "projects/{project}/zones/{zone}/instances"

    /// The zone and the `Instance` resource in the body, as far as the bridge honours it.
    struct Input: Sendable {
        let zone: String
        let name: String
        let description: String?
        /// `machineType`: a URL or partial URL of an offering or `custom-C-M`.
        let machineType: String
        /// `disks[0].initializeParams.sourceImage`.
        let sourceImage: String
        /// `disks[0].initializeParams.diskSizeGb`.
        let diskSizeGb: Int64?
        /// The last segment of `disks[0].initializeParams.diskType`; nil for none or `pd-standard` (the compute offering's).
        var bootDiskType: String? = nil
        /// `networkInterfaces[]` (`InstancesInsert+Networks.swift`).
        let interfaces: [RequestedInterface]
        let labels: [(key: String, value: String)]
        /// `tags.items`.
        let networkTags: [String]
        /// `metadata.items`.
        let metadata: [(key: String, value: String)]
        /// The `ssh-keys` item, parsed.
        let sshKeys: SSHKeys
        /// `disks[1..]`, added once the deploy is done.
        var extraDisks: [ExtraDisk] = []
        /// `networkInterfaces[0].accessConfigs[0]` (`InstancesInsert+AccessConfigs.swift`).
        var accessConfig: AccessConfigBody? = nil
        /// `serviceAccounts`: only the default account, whose scopes are kept.
        var serviceAccounts: ServiceAccounts?
    }

    static func decode(_ request: MethodRequest) throws(GCEError) -> Input {
        try decode(zone: try request.name("zone"), body: try request.json())
    }

    /// The input for one `Instance` body in `zone`; instances.bulkInsert builds one per instance this way.
    static func decode(zone: String, body value: BodyValue) throws(GCEError) -> Input {
        let body = try value.requireObject()
        try UnsupportedInstanceFields.refuse(body)
        let name = try body.requiredString("name", at: "resource.name")
        guard ResourceNames.isValid(name) else {
            throw GCEError.invalid(
                "Invalid value for field 'resource.name': '\(name.prefix(128))'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'"
            )
        }
        let machineType = try body.requiredString("machineType", at: "resource.machineType")
        _ = try ResourceReference.name(machineType, field: "resource.machineType")
        let disks = try body.array("disks", at: "resource.disks")
        let extraDisks = try ExtraDisk.decode(disks.dropFirst(), instance: name)
        let boot = try disks.first?.requireObject("resource.disks[0]")
        let params = try boot?.object("initializeParams", at: "resource.disks[0].initializeParams")
        guard let sourceImage = try params?.string("sourceImage", at: "resource.disks[0].initializeParams.sourceImage") else {
            throw GCEError.required("resource.disks[0].initializeParams.sourceImage")
        }
        _ = try ResourceReference.name(sourceImage, field: "resource.disks[0].initializeParams.sourceImage")
        let diskSizeGb = try params?.int64("diskSizeGb", at: "resource.disks[0].initializeParams.diskSizeGb")
        var bootDiskType: String?
        if let type = try params?.string("diskType", at: "resource.disks[0].initializeParams.diskType") {
            bootDiskType = try ResourceReference.name(type, field: "resource.disks[0].initializeParams.diskType")
        }
        if let size = diskSizeGb, size < 1 {
            throw GCEError.invalid("Invalid value for field 'resource.disks[0].initializeParams.diskSizeGb': '\(size)'")
        }
        let interfaces = try RequestedInterface.decode(body)
        let labels = try body.stringMap("labels", at: "resource.labels")
        try Labels.validate(labels)
        let networkTags = try body.object("tags", at: "resource.tags")?.strings("items", at: "resource.tags.items") ?? []
        try NetworkTags.validate(networkTags)
        let metadata = try body.object("metadata", at: "resource.metadata")?.metadataItems(at: "resource.metadata") ?? []
        return Input(
            zone: zone, name: name, description: try body.string("description", at: "resource.description"),
            machineType: machineType, sourceImage: sourceImage, diskSizeGb: diskSizeGb,
            bootDiskType: bootDiskType == BootDiskType.name ? nil : bootDiskType,
            interfaces: interfaces, labels: labels, networkTags: networkTags, metadata: metadata,
            sshKeys: try SSHKeys(items: metadata), extraDisks: extraDisks,
            accessConfig: try InsertAccessConfig.decode(
                try body.array("networkInterfaces", at: "resource.networkInterfaces").first?.requireObject("resource.networkInterfaces[0]")),
            serviceAccounts: try ServiceAccounts.decode(body))
    }

    static func call(_ input: Input, in context: MethodCall) async throws -> Operation {
        let zone = try await context.zone(input.zone)
        if try await context.virtualMachines(zoneID: zone.row.id ?? "").contains(where: { $0.name == input.name }) {
            throw GCEError.alreadyExists("projects/\(context.project)/zones/\(zone.name)/instances/\(input.name)")
        }
        let offering = try await context.offering(for: input.machineType, zone: zone)
        let template = try await context.sourceImage(input.sourceImage)
        let extraDisks = try await ExtraDiskPlan.resolve(input.extraDisks, zone: zone, context: context)
        let interfaces = try await InterfacePlan.resolve(input.interfaces, zone: zone, context: context)
        try await context.checkInsertAccessConfig(input.accessConfig, networkID: interfaces.nics.first?.networkID)
        var parameters: Parameters = [
            "zoneid": zone.row.id ?? "", "serviceofferingid": offering.id, "templateid": template.row.id ?? "",
            "name": input.name, "displayname": input.name,
        ]
        if !offering.details.isEmpty { parameters.setMap("details", [offering.details.map { (field: $0.0, value: $0.1) }]) }
        if let size = input.diskSizeGb {
            let templateGB = ((template.row.size ?? 0) + (1 << 30) - 1) >> 30
            guard size >= templateGB else {
                throw GCEError.invalid("Requested disk size cannot be smaller than the image size (\(templateGB) GB)")
            }
            if size > templateGB { parameters["rootdisksize"] = String(size) }
        }
        if let type = input.bootDiskType {
            // CloudStack 4.18 gives the root volume another disk offering with `overridediskofferingid`.
            guard let found = try await context.diskOfferings(zoneID: zone.row.id).find(type, id: { $0.id ?? "" }) else {
                throw GCEError.notFound("projects/\(context.project)/zones/\(zone.name)/diskTypes/\(type)")
            }
            parameters["overridediskofferingid"] = found.row.id
        }
        interfaces.apply(to: &parameters)
        if let userData = input.metadata.first(where: { $0.key == "user-data" || $0.key == "startup-script" })?.value {
            parameters["userdata"] = Base64.encode(Array(userData.utf8))
        }
        let blockProjectKeys = input.metadata.contains { $0.key == "block-project-ssh-keys" && $0.value == "true" }
        let keyPairs =
            try await context.registerKeys(input.sshKeys, prefix: "gce-i-") + (blockProjectKeys ? [] : context.projectKeyPairs())
        parameters.setList("keypairs", keyPairs)
        try await context.joinTagSecurityGroups(
            input.networkTags, zone: zone.row, network: input.interfaces.first?.network, into: &parameters)
        let receipt = try await context.call(CommandTable.deployVirtualMachine, parameters)
        guard let vmID = receipt.id else { throw GCEError.backend("deployVirtualMachine returned no id") }
        var tags = input.labels
        if !input.networkTags.isEmpty { tags.append(("gce-tags", input.networkTags.joined(separator: ","))) }
        if let description = input.description, !description.isEmpty { tags.append(("gce-description", description)) }
        tags += MetadataTags.tags(for: input.metadata, prefix: MetadataTags.instancePrefix)
        if let accounts = input.serviceAccounts { tags.append((ServiceAccounts.tagKey, accounts.tagValue)) }
        _ = try await context.replaceTags(on: vmID, type: "UserVm", oldKeys: [], newTags: tags)
        let deployed = try await context.applyInsertAccessConfig(input.accessConfig, afterDeploy: receipt.jobid, vmID: vmID, zone: zone)
        let job = try await extraDisks.apply(afterDeploy: deployed, vmID: vmID, instance: input.name, context: context)
        return context.started(.insert, job: job, target: vmID, scope: .zone(zone.name), targetName: input.name)
    }
}

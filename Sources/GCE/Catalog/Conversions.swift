import CloudStack

/// CloudStack rows to compute v1 schema values.
enum Conversions {
    static func zone(_ zone: Named<CloudStack.Zone>, region: String, links: Links) -> Zone {
        Zone(
            id: ResourceID.of(zone.row.id ?? zone.name), name: zone.name, description: zone.row.description ?? zone.row.name,
            status: zone.row.allocationstate == "Disabled" ? "DOWN" : "UP", region: links.region(region),
            selfLink: links.zone(zone.name), creationTimestamp: nil)
    }

    static func region(_ region: Named<CloudStack.Region>, zones: [String], links: Links) -> Region {
        Region(
            id: ResourceID.of("region/\(region.row.id ?? 0)"), name: region.name, description: region.row.name, status: "UP",
            zones: zones.map { links.zone($0) }, selfLink: links.region(region.name))
    }

    static func machineType(_ offering: Named<ServiceOffering>, zone: String, links: Links) -> MachineType {
        MachineType(
            id: ResourceID.of(offering.row.id ?? offering.name), name: offering.name,
            description: offering.row.displaytext, guestCpus: Int(offering.row.cpunumber ?? 0),
            memoryMb: Int(offering.row.memory ?? 0), zone: zone, selfLink: links.machineType(zone, offering.name),
            creationTimestamp: Timestamps.fromCloudStack(offering.row.created))
    }

    static func diskType(_ offering: Named<DiskOffering>, zone: String, links: Links) -> DiskType {
        let size = offering.row.disksize ?? 0
        let custom = offering.row.iscustomized == true || size == 0
        return DiskType(
            id: ResourceID.of(offering.row.id ?? offering.name), name: offering.name,
            description: offering.row.displaytext, validDiskSize: custom ? "1GB-65536GB" : "\(size)GB-\(size)GB",
            defaultDiskSizeGb: custom ? 10 : size, zone: links.zone(zone), selfLink: links.diskType(zone, offering.name),
            creationTimestamp: Timestamps.fromCloudStack(offering.row.created))
    }

    /// An image family: the template's OS type as a GCE name (`Ubuntu 22.04 LTS` -> `ubuntu-22-04-lts`).
    static func family(_ template: Template) -> String? {
        guard let os = template.ostypename, !os.isEmpty else { return nil }
        let slug = ResourceNames.slug(os, suffix: "")
        let trimmed = slug.hasSuffix("-") ? String(slug.dropLast()) : slug
        return ResourceNames.isValid(trimmed) ? trimmed : nil
    }

    static func image(_ template: Named<Template>, links: Links) -> Image {
        let row = template.row
        let status: String
        if row.isready == true {
            status = "READY"
        } else if let text = row.status?.lowercased(), text.contains("fail") || text.contains("error") {
            status = "FAILED"
        } else {
            status = "PENDING"
        }
        let size = row.size.map { ($0 + (1 << 30) - 1) >> 30 }
        return Image(
            id: ResourceID.of(row.id ?? template.name), name: template.name, description: row.displaytext,
            creationTimestamp: Timestamps.fromCloudStack(row.created), status: status, family: family(row),
            archiveSizeBytes: row.physicalsize ?? row.size, diskSizeGb: size, rawDiskSource: row.url,
            labels: MetadataTags.labels(row.tags), selfLink: links.image(template.name),
            deprecated: ImageDeprecations.read(row.tags))
    }

    /// GCE instance status for a CloudStack VM state.
    static func status(_ state: String?) -> String {
        switch state {
        case "Running", "Migrating": "RUNNING"
        case "Starting": "STAGING"
        case "Stopping": "STOPPING"
        case "Creating", nil: "PROVISIONING"
        default: "TERMINATED"
        }
    }

    /// The machine type name of a VM: its offering's GCE name, or `custom-<cpus>-<memory>` for a customised one
    /// (CloudStack reports the VM's own `cpunumber`/`memory`, which differ from a customised offering's empty ones).
    static func machineTypeName(_ vm: VirtualMachine) -> String {
        if vm.details["cpuNumber"] != nil || vm.details["memory"] != nil {
            return "custom-\(vm.cpunumber ?? 1)-\(vm.memory ?? 1024)"
        }
        return ResourceNames.gceName(for: vm.serviceofferingname ?? "unknown")
    }

    /// `volumes` are the VM's own disks (callers group a zone's volumes by VM once, not once per VM). `networks` names
    /// each NIC's network and subnetwork (in `region`); a NIC on a network it does not hold is on `default`.
    static func instance(
        _ vm: Named<VirtualMachine>, zone: String, volumes: [InstanceDisk], networks: NetworkMap, region: String, links: Links
    ) -> Instance {
        let row = vm.row
        // By index, not `enumerated()` or `sorted()` over the rows: those copied every NIC and every
        // volume (CloudStack models with dozens of fields each) for each instance listed.
        let natName = AccessConfigTags.name(row)
        let interfaces = row.nic.indices.map { index -> NetworkInterface in
            let names = networks.names(networkID: row.nic[index].networkid ?? "")
            let isDefault = row.nic[index].isdefault ?? (index == 0)
            let nat = isDefault ? (row.publicip ?? (row.nic[index].type == "Shared" ? row.nic[index].ipaddress : nil)) : nil
            return NetworkInterface(
                name: "nic\(index)", network: links.network(names?.network ?? "default"),
                subnetwork: names.map { links.subnetwork(region, $0.subnetwork) }, networkIP: row.nic[index].ipaddress, natIP: nat,
                natName: natName)
        }
        let disks = volumes.sorted { $0.order < $1.order }.enumerated().map { index, disk in
            AttachedDisk(
                deviceName: disk.deviceName, index: index, boot: disk.boot, source: links.disk(zone, disk.name),
                diskSizeGb: disk.sizeBytes.map { ($0 + (1 << 30) - 1) >> 30 }, autoDelete: disk.autoDelete)
        }
        return Instance(
            id: ResourceID.of(row.id ?? vm.name), name: vm.name, description: MetadataTags.description(row.tags),
            creationTimestamp: Timestamps.fromCloudStack(row.created), status: status(row.state), zone: links.zone(zone),
            machineType: links.machineType(zone, machineTypeName(row)), networkInterfaces: interfaces,
            disks: disks, metadata: MetadataTags.metadata(row.tags, prefix: MetadataTags.instancePrefix),
            tags: MetadataTags.networkTags(row.tags), labels: MetadataTags.labels(row.tags), selfLink: links.instance(zone, vm.name),
            hostname: nil, serviceAccountScopes: ServiceAccounts.of(row.tags)?.scopes)
    }
}

extension Conversions {
    /// A volume as a compute `Disk`; `snapshotNames` (CloudStack snapshot id -> GCE name) links the snapshot a disk
    /// was made from while it exists.
    static func disk(_ volume: Named<Volume>, zone: String, links: Links, snapshotNames: [String: String] = [:]) -> Disk {
        let row = volume.row
        let status: String
        switch row.state {
        case "Allocated", "Ready", "Snapshotting", "Migrating", "Uploaded": status = "READY"
        case "Creating", "Allocating", "Resizing", "UploadOp", "Copying", nil: status = "CREATING"
        case "Destroy", "Expunging", "Expunged": status = "DELETING"
        default: status = "FAILED"
        }
        return Disk(
            id: ResourceID.of(row.id ?? volume.name), name: volume.name, creationTimestamp: Timestamps.fromCloudStack(row.created),
            description: MetadataTags.description(row.tags), sizeGb: row.size.map { ($0 + (1 << 30) - 1) >> 30 }, zone: links.zone(zone),
            status: status,
            type: links.diskType(zone, BootDiskType.of(row)),
            sourceImage: row.type == "ROOT" ? row.templatename.map { links.image(ResourceNames.gceName(for: $0)) } : nil,
            sourceSnapshot: row.snapshotid.flatMap { snapshotNames[$0] }.map { links.snapshot($0) },
            sourceSnapshotId: row.snapshotid.map { ResourceID.of($0) },
            users: row.vmname.map { [links.instance(zone, ResourceNames.ownName($0, id: row.virtualmachineid ?? ""))] } ?? [],
            labels: MetadataTags.labels(row.tags), selfLink: links.disk(zone, volume.name))
    }
}

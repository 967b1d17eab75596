import CloudStack

/// The disk type of boot disks. CloudStack 4.18 gives a ROOT volume the compute offering's own (compute-only)
/// disk offering, which listDiskOfferings never lists, and names it in the volume's `serviceoffering*` fields
/// rather than `diskoffering*`. So every boot disk reports this one type, served beside the disk offerings by
/// diskTypes.get/list/aggregatedList, and a disk type link never points at nothing.
enum BootDiskType {
    /// GCE's name for its standard boot disk type, which is what gcloud and libcloud ask for by default.
    static let name = "pd-standard"

    /// The disk type a volume reports: its disk offering's, or the boot disk type for a volume on a compute offering.
    static func of(_ volume: Volume) -> String {
        if let offering = volume.diskofferingname, !offering.isEmpty { return ResourceNames.gceName(for: offering) }
        return name
    }

    /// The zone's disk types: its disk offerings, then the boot disk type unless an offering already has its name.
    static func withOfferings(_ offerings: [Named<DiskOffering>], zone: String, links: Links) -> [DiskType] {
        var types = offerings.map { Conversions.diskType($0, zone: zone, links: links) }
        if !offerings.contains(where: { $0.name == name }) { types.append(diskType(zone: zone, links: links)) }
        return types
    }

    static func diskType(zone: String, links: Links) -> DiskType {
        DiskType(
            id: ResourceID.of("disktype/\(name)"), name: name,
            description: "Boot disk of a compute offering (sized from the image or initializeParams.diskSizeGb)",
            validDiskSize: "1GB-\(DisksInsert.maximumGb)GB", defaultDiskSizeGb: DisksInsert.defaultGb, zone: links.zone(zone),
            selfLink: links.diskType(zone, name), creationTimestamp: nil)
    }
}

/// Members of an `Instance` body that the schema has and CloudStack 4.18 cannot honour: each is refused with a
/// 400 naming it, its default (no-op) value accepted, so that nothing is silently dropped (docs/gce.md lists them).
/// Every input member of `Instance`, `AttachedDisk`, `AttachedDiskInitializeParams` and `NetworkInterface` in the
/// compute v1 schema is either read by instances.insert or listed here (`UnsupportedInstanceFieldsTests` checks it
/// against the discovery document). Output-only members pass, as GCE ignores them.
enum UnsupportedInstanceFields {
    /// `Instance` members instances.insert does not honour, with the values that change nothing.
    static let instance: [(name: String, accepting: [String])] = [
        ("advancedMachineFeatures", ["{}"]), ("canIpForward", ["false"]), ("confidentialInstanceConfig", ["{}"]),
        ("deletionProtection", ["false"]), ("displayDevice", ["{}"]), ("guestAccelerators", ["[]"]), ("hostname", [""]),
        ("instanceEncryptionKey", ["{}"]), ("keyRevocationActionType", ["", "KEY_REVOCATION_ACTION_TYPE_UNSPECIFIED", "NONE"]),
        ("localSsdEncryptionMode", ["", "LOCAL_SSD_ENCRYPTION_MODE_UNSPECIFIED"]), ("minCpuPlatform", ["", "Automatic"]),
        ("networkPerformanceConfig", ["{}"]), ("params", ["{}"]), ("privateIpv6GoogleAccess", ["", "INHERIT_FROM_SUBNETWORK"]),
        ("resourcePolicies", ["[]"]), ("shieldedInstanceConfig", ["{}"]), ("shieldedInstanceIntegrityPolicy", ["{}"]),
        ("sourceMachineImage", [""]), ("sourceMachineImageEncryptionKey", ["{}"]), ("workloadIdentityConfig", ["{}"]),
    ]
    /// `AttachedDisk` members no disk honours (the boot disk's others are checked in `refuseBootDisk`, the extra
    /// disks' in `ExtraDisk`).
    static let attachedDisk: [(name: String, accepting: [String])] = [
        ("diskEncryptionKey", ["{}"]), ("forceAttach", ["false"]), ("guestOsFeatures", ["[]"]),
        ("savedState", ["", "DISK_SAVED_STATE_UNSPECIFIED"]),
    ]
    /// `AttachedDiskInitializeParams` members no new disk honours.
    static let initializeParams: [(name: String, accepting: [String])] = [
        ("architecture", ["", "ARCHITECTURE_UNSPECIFIED"]), ("description", [""]), ("enableConfidentialCompute", ["false"]),
        ("labels", ["{}"]), ("licenses", ["[]"]), ("onUpdateAction", [""]), ("provisionedIops", ["", "0"]),
        ("provisionedThroughput", ["", "0"]), ("replicaZones", ["[]"]), ("resourceManagerTags", ["{}"]),
        ("resourcePolicies", ["[]"]), ("sourceImageEncryptionKey", ["{}"]), ("sourceSnapshotEncryptionKey", ["{}"]),
        ("storagePool", [""]),
    ]
    /// `NetworkInterface` members instances.insert does not honour.
    static let networkInterface: [(name: String, accepting: [String])] = [
        ("aliasIpRanges", ["[]"]), ("aliasIpv6Ranges", ["[]"]), ("enableVpcScopedDns", ["false"]),
        ("igmpQuery", ["", "IGMP_QUERY_DISABLED"]), ("internalIpv6PrefixLength", ["0"]), ("ipv6AccessConfigs", ["[]"]),
        ("ipv6Address", [""]), ("networkAttachment", [""]), ("nicType", ["", "UNSPECIFIED_NIC_TYPE", "VIRTIO_NET"]),
        ("parentNicName", [""]), ("queueCount", ["0"]), ("serviceClassId", [""]), ("stackType", ["", "IPV4_ONLY"]),
        ("vlan", ["0"]),
    ]

    /// Throws for the first member set to anything but its default.
    static func refuse(_ body: BodyValue) throws(GCEError) {
        try refuse(body, instance, at: "resource")
        let disks = try body.array("disks", at: "resource.disks")
        for (index, disk) in disks.enumerated() {
            let path = "resource.disks[\(index)]"
            try refuse(disk, attachedDisk, at: path)
            if let params = try disk.object("initializeParams", at: "\(path).initializeParams") {
                try refuse(params, initializeParams, at: "\(path).initializeParams")
            }
        }
        if let boot = disks.first { try refuseBootDisk(boot, instance: try body.string("name", at: "resource.name")) }
        for (index, interface) in try body.array("networkInterfaces", at: "resource.networkInterfaces").enumerated() {
            try refuse(interface, networkInterface, at: "resource.networkInterfaces[\(index)]")
        }
        if let scheduling = try body.object("scheduling", at: "resource.scheduling") {
            try SchedulingCheck.check(scheduling, prefix: "resource.scheduling.")
        }
        if let affinity = try body.object("reservationAffinity", at: "resource.reservationAffinity") {
            try affinity.refuseUnsupported(
                "consumeReservationType", at: "resource.reservationAffinity.consumeReservationType",
                accepting: ["ANY_RESERVATION"])
            try affinity.refuseUnsupported("key", at: "resource.reservationAffinity.key", accepting: [""])
            try affinity.refuseUnsupported("values", at: "resource.reservationAffinity.values", accepting: ["[]"])
        }
    }

    /// The boot disk (`disks[0]`) is the VM's root volume, made by the deploy from the image: a new persistent
    /// read-write disk named after the instance, deleted with the instance (its `diskType` is read by InstancesInsert).
    private static func refuseBootDisk(_ disk: BodyValue, instance: String?) throws(GCEError) {
        let path = "resource.disks[0]"
        try disk.refuseUnsupported("boot", at: "\(path).boot", accepting: ["true"])
        try disk.refuseUnsupported("autoDelete", at: "\(path).autoDelete", accepting: ["true"])
        try disk.refuseUnsupported("mode", at: "\(path).mode", accepting: ["READ_WRITE"])
        try disk.refuseUnsupported("type", at: "\(path).type", accepting: ["PERSISTENT"])
        try disk.refuseUnsupported("interface", at: "\(path).interface", accepting: ["SCSI"])
        try disk.refuseUnsupported("source", at: "\(path).source", accepting: [""])
        let named = instance.map { [$0] } ?? []
        try disk.refuseUnsupported("deviceName", at: "\(path).deviceName", accepting: named)
        guard let params = try disk.object("initializeParams", at: "\(path).initializeParams") else { return }
        try params.refuseUnsupported("diskName", at: "\(path).initializeParams.diskName", accepting: named)
        try params.refuseUnsupported("sourceSnapshot", at: "\(path).initializeParams.sourceSnapshot", accepting: [""])
    }

    private static func refuse(_ body: BodyValue, _ members: [(name: String, accepting: [String])], at path: String) throws(GCEError) {
        for member in members { try body.refuseUnsupported(member.name, at: "\(path).\(member.name)", accepting: member.accepting) }
    }
}

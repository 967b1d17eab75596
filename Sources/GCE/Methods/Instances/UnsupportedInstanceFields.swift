/// Members of an `Instance` body that the schema has and CloudStack 4.18 cannot honour: each is refused with a
/// 400 naming it, its default (no-op) value accepted, so that nothing is silently dropped (docs/gce.md lists them).
enum UnsupportedInstanceFields {
    /// Throws for the first member set to anything but its default.
    static func refuse(_ body: BodyValue) throws(GCEError) {
        try body.refuseUnsupported("deletionProtection", at: "resource.deletionProtection", accepting: ["false"])
        try body.refuseUnsupported("hostname", at: "resource.hostname", accepting: [""])
        for (index, disk) in try body.array("disks", at: "resource.disks").enumerated() {
            let path = "resource.disks[\(index)]"
            try disk.refuseUnsupported("diskEncryptionKey", at: "\(path).diskEncryptionKey", accepting: ["{}"])
            guard let params = try disk.object("initializeParams", at: "\(path).initializeParams") else { continue }
            for key in ["diskEncryptionKey", "sourceImageEncryptionKey", "sourceSnapshotEncryptionKey"] {
                try params.refuseUnsupported(key, at: "\(path).initializeParams.\(key)", accepting: ["{}"])
            }
        }
        for (index, interface) in try body.array("networkInterfaces", at: "resource.networkInterfaces").enumerated() {
            let path = "resource.networkInterfaces[\(index)]"
            for key in ["aliasIpRanges", "ipv6AccessConfigs"] where !(try interface.array(key, at: "\(path).\(key)")).isEmpty {
                throw GCEError.unsupported("\(path).\(key)")
            }
            for key in ["ipv6Address", "internalIpv6PrefixLength", "networkAttachment", "queueCount"] {
                try interface.refuseUnsupported(key, at: "\(path).\(key)")
            }
            try interface.refuseUnsupported("stackType", at: "\(path).stackType", accepting: ["IPV4_ONLY"])
            try interface.refuseUnsupported("nicType", at: "\(path).nicType", accepting: ["UNSPECIFIED_NIC_TYPE", "VIRTIO_NET"])
        }
        if let scheduling = try body.object("scheduling", at: "resource.scheduling") {
            try scheduling.refuseUnsupported("preemptible", at: "resource.scheduling.preemptible", accepting: ["false"])
            try scheduling.refuseUnsupported(
                "provisioningModel", at: "resource.scheduling.provisioningModel", accepting: ["STANDARD"])
        }
        if let affinity = try body.object("reservationAffinity", at: "resource.reservationAffinity") {
            try affinity.refuseUnsupported(
                "consumeReservationType", at: "resource.reservationAffinity.consumeReservationType",
                accepting: ["ANY_RESERVATION"])
            try affinity.refuseUnsupported("key", at: "resource.reservationAffinity.key", accepting: [""])
            if !(try affinity.strings("values", at: "resource.reservationAffinity.values")).isEmpty {
                throw GCEError.unsupported("resource.reservationAffinity.values")
            }
        }
    }
}

/// Everything needed to answer for an operation, packed into its name, so any bridge instance can answer
/// `get`/`wait` with no shared state: `op<kind>-j<job>-<target>` for a CloudStack async job, or
/// `op<kind>-d<epoch>-<target>` for a synchronous call that was DONE at once. A kind's code is one or two
/// lowercase letters and UUIDs are 26 base-32 characters (`[a-z2-7]`), so names stay within Google's
/// 63-character pattern.
struct OperationName: Sendable, Equatable {
    /// What an operation's target UUID names, which decides its scope and its `targetLink`.
    enum Target: Sendable, Equatable {
        case instance, disk, image, snapshot, project, firewall
        /// A network: the CloudStack VPC's UUID, or the guest network's for a network of its own.
        case network
        /// A subnetwork: the CloudStack guest network's (tier's) UUID.
        case subnetwork
        /// A regional address (a CloudStack public IP) and a global route (a CloudStack static route).
        case address, route
        /// A zonal instance group (a CloudStack instance group named `<zone>/<name>`).
        case instanceGroup
        /// instances.bulkInsert makes several instances, so its operation's link is their zone; the UUID is the
        /// caller's account, so that only the account reads the operation (it has no job CloudStack could check).
        case zone
    }

    /// The operation's type; its one or two letters are its code in names (kinds added for disks, snapshots
    /// and the instance extras use two letters, so no two kinds can collide).
    enum Kind: String, Sendable, CaseIterable {
        case insert = "i", delete = "d", start = "s", stop = "t", reset = "r"
        case setMetadata = "m", setLabels = "l", setTags = "g", setMachineType = "y"
        case setCommonInstanceMetadata = "c", imageInsert = "p", imageDelete = "q"
        case diskBulkSetLabels = "ab", diskInsert = "ai", diskDelete = "ad", diskResize = "ar", diskSetLabels = "al"
        case attachDisk = "aa", detachDisk = "ax", setDiskAutoDelete = "as"
        case setName = "bn", update = "bu", setDeletionProtection = "bd", setScheduling = "bs"
        case createSnapshot = "ec", snapshotInsert = "ei", snapshotDelete = "ed", snapshotSetLabels = "el"
        case imageSetLabels = "fl", imagePatch = "fp", imageDeprecate = "fd"
        case networkInsert = "ni", networkDelete = "nd", networkPatch = "np"
        case subnetworkInsert = "wi", subnetworkDelete = "wd", subnetworkPatch = "wp"
        case addNetworkInterface = "ha", deleteNetworkInterface = "hd"
        case firewallInsert = "ki", firewallDelete = "kd", firewallPatch = "kp", firewallUpdate = "ku"
        case addressInsert = "va", addressDelete = "vd", addressSetLabels = "vl"
        case addAccessConfig = "vc", deleteAccessConfig = "vx", updateAccessConfig = "vu"
        case routeInsert = "vr", routeDelete = "vs"
        case groupInsert = "oi", groupDelete = "od", groupAddInstances = "oa", groupRemoveInstances = "or"
        case groupSetNamedPorts = "on"
        /// instances.bulkInsert, DONE with every instance made; `bulkInsertFailed`: fewer than `minCount` could be
        /// made and those were deleted again (the name carries the outcome, as it carries everything else).
        case bulkInsert = "bi", bulkInsertFailed = "bf"

        /// `operationType` as GCE writes it.
        var operationType: String {
            switch self {
            case .insert, .imageInsert, .diskInsert, .snapshotInsert, .networkInsert, .subnetworkInsert, .firewallInsert: "insert"
            case .delete, .imageDelete, .diskDelete, .snapshotDelete, .networkDelete, .subnetworkDelete, .firewallDelete: "delete"
            case .networkPatch, .subnetworkPatch, .firewallPatch: "patch"
            case .firewallUpdate: "update"
            case .addNetworkInterface: "addNetworkInterface"
            case .deleteNetworkInterface: "deleteNetworkInterface"
            case .diskResize: "resize"
            case .diskSetLabels, .snapshotSetLabels, .imageSetLabels: "setLabels"
            case .diskBulkSetLabels: "bulkSetLabels"
            case .attachDisk: "attachDisk"
            case .detachDisk: "detachDisk"
            case .setDiskAutoDelete: "setDiskAutoDelete"
            case .createSnapshot: "createSnapshot"
            case .imagePatch: "patch"
            case .imageDeprecate: "deprecate"
            case .start: "start"
            case .stop: "stop"
            case .reset: "reset"
            case .setMetadata: "setMetadata"
            case .setLabels: "setLabels"
            case .setTags: "setTags"
            case .setMachineType: "setMachineType"
            case .setCommonInstanceMetadata: "setCommonInstanceMetadata"
            case .setName: "setName"
            case .update: "update"
            case .setDeletionProtection: "setDeletionProtection"
            case .setScheduling: "setScheduling"
            case .addressInsert, .routeInsert: "insert"
            case .addressDelete, .routeDelete: "delete"
            case .addressSetLabels: "setLabels"
            case .addAccessConfig: "addAccessConfig"
            case .deleteAccessConfig: "deleteAccessConfig"
            case .updateAccessConfig: "updateAccessConfig"
            case .groupInsert: "insert"
            case .groupDelete: "delete"
            case .groupAddInstances: "addInstances"
            case .groupRemoveInstances: "removeInstances"
            case .groupSetNamedPorts: "setNamedPorts"
            case .bulkInsert, .bulkInsertFailed: "bulkInsert"
            }
        }

        /// What the target UUID names.
        var target: Target {
            switch self {
            case .imageInsert, .imageDelete, .imageSetLabels, .imagePatch, .imageDeprecate: .image
            case .createSnapshot: .disk
            case .snapshotInsert, .snapshotDelete, .snapshotSetLabels: .snapshot
            case .setCommonInstanceMetadata: .project
            case .firewallInsert, .firewallDelete, .firewallPatch, .firewallUpdate: .firewall
            case .diskBulkSetLabels, .diskInsert, .diskDelete, .diskResize, .diskSetLabels: .disk
            case .insert, .delete, .start, .stop, .reset, .setMetadata, .setLabels, .setTags, .setMachineType: .instance
            case .attachDisk, .detachDisk, .setDiskAutoDelete: .instance
            case .setName, .update, .setDeletionProtection, .setScheduling: .instance
            case .addNetworkInterface, .deleteNetworkInterface: .instance
            case .networkInsert, .networkDelete, .networkPatch: .network
            case .subnetworkInsert, .subnetworkDelete, .subnetworkPatch: .subnetwork
            case .addressInsert, .addressDelete, .addressSetLabels: .address
            case .addAccessConfig, .deleteAccessConfig, .updateAccessConfig: .instance
            case .routeInsert, .routeDelete: .route
            case .groupInsert, .groupDelete, .groupAddInstances, .groupRemoveInstances, .groupSetNamedPorts: .instanceGroup
            case .bulkInsert, .bulkInsertFailed: .zone
            }
        }
        /// What the target UUID names.
        var targetIsImage: Bool { target == .image }
        /// Whether the target is the project (account).
        var targetIsProject: Bool { target == .project }

        /// Whether an operation of this kind lives in `scope`: instances and disks are zonal, the rest global.
        func scopeMatches(_ scope: OperationScope) -> Bool {
            switch (scope, target) {
            case (.zone, .instance), (.zone, .disk): true
            case (.zone, .instanceGroup), (.zone, .zone): true
            case (.global, .image), (.global, .snapshot), (.global, .project), (.global, .network), (.global, .firewall): true
            case (.region, .subnetwork), (.region, .address), (.global, .route): true
            default: false
            }
        }
    }

    /// A CloudStack job to ask, or the epoch second a synchronous call finished.
    enum Progress: Sendable, Equatable {
        case job(String)
        case done(Int64)
    }

    var kind: Kind
    var progress: Progress
    var target: String

    var text: String {
        let middle: String
        switch progress {
        case .job(let uuid): middle = "j" + (UUIDText.base32(uuid) ?? "")
        case .done(let epoch): middle = "d" + String(epoch, radix: 36)
        }
        return "op" + kind.rawValue + "-" + middle + "-" + (UUIDText.base32(target) ?? "")
    }

    init(kind: Kind, progress: Progress, target: String) {
        self.kind = kind
        self.progress = progress
        self.target = target
    }

    /// Parses a name made by `text`; nil for anything else (answered 404).
    init?(_ name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 3 || parts[0].count == 4, parts[0].hasPrefix("op"),
            let kind = Kind(rawValue: String(parts[0].dropFirst(2))),
            let target = UUIDText.uuid(fromBase32: parts[2]), let tag = parts[1].first
        else { return nil }
        let rest = parts[1].dropFirst()
        switch tag {
        case "j":
            guard let job = UUIDText.uuid(fromBase32: rest) else { return nil }
            progress = .job(job)
        case "d":
            guard let epoch = Int64(rest, radix: 36) else { return nil }
            progress = .done(epoch)
        default:
            return nil
        }
        self.kind = kind
        self.target = target
    }
}

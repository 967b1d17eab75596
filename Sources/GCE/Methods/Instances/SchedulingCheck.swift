/// What a compute `Scheduling` may say on CloudStack 4.18: exactly what every instance already has (CloudStack's
/// HA and maintenance behaviour come from the compute offering and the host, not the VM), so
/// `automaticRestart: true`, `onHostMaintenance: MIGRATE`, `preemptible: false` and `provisioningModel: STANDARD`
/// are accepted and anything else is refused with a 400 naming the member.
enum SchedulingCheck {
    /// Members that may only carry the value every instance has, and that value.
    private static let fixed: [(name: String, value: String)] = [
        ("automaticRestart", "true"), ("onHostMaintenance", "MIGRATE"), ("preemptible", "false"),
        ("provisioningModel", "STANDARD"),
    ]
    /// Members of `Scheduling` CloudStack cannot honour at all (nodeAffinities may be empty).
    private static let unsupported: Set<String> = [
        "availabilityDomain", "exposeHostTopology", "gracefulShutdown", "hostErrorTimeoutSeconds", "instanceTerminationAction",
        "localSsdRecoveryTimeout", "locationHint", "maxRunDuration", "minNodeCpus", "nodeAffinities", "onInstanceStopAction",
        "preemptionNoticeDuration", "protectionTier", "skipGuestOsShutdown", "terminationTime",
    ]

    /// 400 naming the first member (`<prefix><member>`) CloudStack cannot honour.
    static func check(_ body: BodyValue, prefix: String) throws(GCEError) {
        for (name, value) in body.members {
            if case .null = value { continue }
            if let rule = fixed.first(where: { $0.name == name }) {
                let given: String
                switch value {
                case .bool(let flag): given = flag ? "true" : "false"
                case .string(let text): given = text
                default:
                    throw GCEError.invalid(
                        "Invalid value for field '\(prefix)\(name)': must be \(rule.name == "onHostMaintenance" || rule.name == "provisioningModel" ? "a string" : "a boolean")"
                    )
                }
                guard given == rule.value else {
                    throw GCEError.invalid(
                        "Invalid value for field '\(prefix)\(name)': '\(given.prefix(64))'. CloudStack 4.18 only offers "
                            + "\(name) \(rule.value): high availability and maintenance behaviour come from the compute offering")
                }
            } else if unsupported.contains(name) {
                if case .array(let items) = value, items.isEmpty { continue }
                throw GCEError.invalid("Invalid value for field '\(prefix)\(name)': CloudStack 4.18 cannot honour it")
            } else {
                throw GCEError.invalid(
                    "Invalid JSON payload received. Unknown name \"\(name.prefix(64))\" at '\(prefix.isEmpty ? "scheduling" : String(prefix.dropLast()))'"
                )
            }
        }
    }
}

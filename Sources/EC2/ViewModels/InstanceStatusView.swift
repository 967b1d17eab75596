/// botocore shape `InstanceStatus`: reachability is derived from the VM state (CloudStack has no checks).
struct InstanceStatusView: TemplateModel {
    let instanceId: String
    let availabilityZone: String
    let instanceState: InstanceStateView
    /// `ok` for running instances, `not-applicable` otherwise (both summaries and their reachability).
    let status: String

    var reachability: String { status == "ok" ? "passed" : "not-applicable" }

    static let templateFields: TemplateFields<Self> = [
        "instanceId": .string(\.instanceId),
        "availabilityZone": .string(\.availabilityZone),
        "instanceState": .object(\.instanceState),
        "status": .string(\.status),
        "reachability": .string(\.reachability),
    ]
}

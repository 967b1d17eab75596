/// botocore shape `Monitoring`; CloudStack has no detailed monitoring, so always `disabled`.
struct MonitoringView: TemplateModel {
    let state: String
    static let templateFields: TemplateFields<Self> = ["state": .string(\.state)]
}

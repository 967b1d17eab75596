/// botocore shape `InstanceStateChange`.
struct InstanceStateChangeView: TemplateModel {
    let instanceId: String
    let currentState: InstanceStateView
    let previousState: InstanceStateView
    static let templateFields: TemplateFields<Self> = [
        "instanceId": .string(\.instanceId), "currentState": .object(\.currentState), "previousState": .object(\.previousState),
    ]
}

/// botocore shape `InstanceState`: EC2's state name and its code.
struct InstanceStateView: TemplateModel, Equatable {
    let code: Int
    let name: String
    static let templateFields: TemplateFields<Self> = ["code": .int(\.code), "name": .string(\.name)]

    static let pending = InstanceStateView(code: 0, name: "pending")
    static let running = InstanceStateView(code: 16, name: "running")
    static let shuttingDown = InstanceStateView(code: 32, name: "shutting-down")
    static let terminated = InstanceStateView(code: 48, name: "terminated")
    static let stopping = InstanceStateView(code: 64, name: "stopping")
    static let stopped = InstanceStateView(code: 80, name: "stopped")
}

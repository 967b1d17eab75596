/// What the client needs to know about one CloudStack API command.
public struct CommandDescriptor: Sendable, Hashable {
    /// The command name verbatim, e.g. `listVirtualMachines`.
    public let name: String
    /// Whether the command answers with a job id (`isasync` in listApis.json).
    public let isAsync: Bool
    /// The response wrapper key: the lower-cased name plus `response`.
    public let responseKey: String
    /// The result object's name, e.g. `virtualmachine`; `nil` when the result is inline.
    public let resultName: String?
    /// Whether the command only reads and may be retried: `list*`, `get*` and `queryAsyncJobResult`.
    public let isIdempotent: Bool
    /// Whether the command creates, deletes or updates a guest network or VPC (`ResourceChanges.networks`).
    public let changesNetworks: Bool
    /// Whether the command changes volumes (`ResourceChanges.volumes`).
    public let changesVolumes: Bool
    /// Whether the command is `queryAsyncJobResult`, whose finished network and volume jobs `ResourceChanges` counts.
    public let queriesJobs: Bool

    /// Derives the response key and idempotence from the name.
    public init(_ name: String, isAsync: Bool, resultName: String?) {
        self.name = name
        self.isAsync = isAsync
        self.responseKey = name.lowercased() + "response"
        self.resultName = resultName
        self.isIdempotent = name.hasPrefix("list") || name.hasPrefix("get") || name == "queryAsyncJobResult"
        self.changesNetworks = ResourceChanges.networkCommands.contains(name)
        self.changesVolumes = ResourceChanges.volumeCommands.contains(name)
        self.queriesJobs = name == "queryAsyncJobResult"
    }
}

import JSON

/// One API command the simulator implements: its name, flags, required parameters and handler.
struct Command: Sendable {
    /// Writes the value inside `{"<r>": … }` or throws an `APIError`.
    typealias Handler = @Sendable (inout World, inout Call, inout JSONWriter) throws -> Void

    /// The command name exactly as CloudStack spells it (`listVirtualMachines`).
    let name: String
    /// Whether CloudStack runs it as an async job.
    let isAsync: Bool
    /// Whether only root admins may call it (others get 432 `errorresponse`).
    let adminOnly: Bool
    /// Required parameter names (lower case), checked before the handler runs.
    let required: [String]
    /// Parameters accepted (lower case, as listApis.json names them); tests compare these with listApis.
    let accepted: [String]
    /// The Java class shown in `cmd` of its jobs.
    let commandClass: String
    let handler: Handler

    init(
        _ name: String, async isAsync: Bool = false, admin adminOnly: Bool = false, required: [String] = [],
        accepts accepted: [String] = [], javaClass commandClass: String = "", _ handler: @escaping Handler
    ) {
        self.name = name
        self.isAsync = isAsync
        self.adminOnly = adminOnly
        self.required = required
        self.accepted = required + accepted
        self.commandClass = commandClass
        self.handler = handler
    }

    /// Whether the command only reads (list*, query*, get*): it leaves cached renderings valid.
    var isReadOnly: Bool { name.hasPrefix("list") || name.hasPrefix("query") || name.hasPrefix("get") }

    /// `<lowercase name>response`.
    var responseName: String { name.lowercased() + "response" }
}

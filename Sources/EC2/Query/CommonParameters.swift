/// The parameters every EC2 Query request may carry: `Action`, `Version`, `DryRun`.
public struct CommonParameters: Decodable, Sendable, Equatable {
    /// The action name, verbatim (`DescribeInstances`).
    public let action: String
    /// The API version the client speaks (`2016-11-15`), if sent.
    public let version: String?
    /// Whether the client asked only for a permission check.
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case action = "Action"
        case version = "Version"
        case dryRun = "DryRun"
    }

    /// Creates the values directly.
    public init(action: String, version: String?, dryRun: Bool) {
        self.action = action
        self.version = version
        self.dryRun = dryRun
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.action) else {
            throw EC2Error(code: "MissingAction", message: "The request must contain the parameter Action")
        }
        action = try container.decode(String.self, forKey: .action)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        dryRun = try container.decodeIfPresent(Bool.self, forKey: .dryRun) ?? false
    }

    /// Reads the common parameters of a request.
    public init(_ parameters: QueryParameters) throws {
        self = try QueryDecoder().decode(CommonParameters.self, from: parameters)
    }
}

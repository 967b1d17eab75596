/// The parameters every EC2 Query request may carry: `Action`, `Version`, `DryRun`.
public struct CommonParameters: Decodable, Sendable, Equatable {
    /// The action name, verbatim (`DescribeInstances`).
    public let action: String
    /// The API version the client speaks (`2016-11-15`), if sent.
    public let version: String?
    /// Whether the client asked only for a permission check.
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case action = "Action"
        case version = "Version"
        case dryRun = "DryRun"
    }

    /// The parameters of the protocol rather than of an action: these, and the signature members the
    /// verifier reads (SigV2's, SigV4 presigned `X-Amz-*`). An action's input never sees them; anything
    /// else it does not read is `UnknownParameter`.
    public static let protocolNames: Set<String> = [
        "Action", "Version", "DryRun",
        "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Signature", "Timestamp", "Expires",
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
        "X-Amz-Content-Sha256",
    ]

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

    /// Reads the common parameters of a request (the action's own members are its input's to check).
    public init(_ parameters: QueryParameters) throws {
        let names = Set(CodingKeys.allCases.map(\.rawValue))
        self = try QueryDecoder().decode(CommonParameters.self, from: parameters.fields.filter { names.contains($0.name) })
    }
}

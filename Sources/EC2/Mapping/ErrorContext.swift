/// What a CloudStack call was about, so its error codes can be mapped to the right EC2 error.
public struct ErrorContext: Sendable {
    /// The EC2 resources the call addressed by id: a 431 (bad parameter) then means they do not exist.
    public var resource: (kind: ResourceKind, ids: [String])?
    /// A key pair addressed by name.
    public var keyPairName: String?
    /// Whether the call launches or starts instances: limit and capacity codes use the instance spellings.
    public var launching: Bool

    /// Creates a context.
    public init(resource: (kind: ResourceKind, ids: [String])? = nil, keyPairName: String? = nil, launching: Bool = false) {
        self.resource = resource
        self.keyPairName = keyPairName
        self.launching = launching
    }

    /// No particular resource.
    public static let none = ErrorContext()

    /// Calls addressing these EC2 ids of one kind.
    public static func ids(_ kind: ResourceKind, _ ids: [String]) -> ErrorContext {
        ErrorContext(resource: (kind, ids))
    }
}

/// Everything the GCE front end needs to know besides the CloudStack client.
public struct GCEConfiguration: Sendable {
    /// The URL clients use to reach the bridge, e.g. `https://127.0.0.1:8443`: every link is built on it.
    public var publicBaseURL: String
    /// A fixed project name that every caller may use besides its own account's name (`nil`: account names only).
    public var project: String?
    /// The 32-byte AES-256-GCM key that seals tokens; instances sharing it accept each other's tokens.
    public var tokenKey: [UInt8]
    /// Access token lifetime (`expires_in`).
    public var tokenLifetimeSeconds: Int
    /// Refresh token lifetime.
    public var refreshTokenLifetimeSeconds: Int
    /// Authorization code lifetime.
    public var codeLifetimeSeconds: Int
    /// Redirect URIs accepted besides loopback ones, compared exactly.
    public var redirectURIs: [String]
    /// How long `operations.wait` blocks before answering with the still-running operation (Google: about 2 min).
    public var waitSeconds: Int
    /// Placements of CloudStack templates in read-only public image projects (`gce.imageProjects`); empty: the
    /// default placement of featured templates by OS type (`ImageProjects.defaultPlacement`).
    public var imageProjects: [ImageProjectRule]
    /// The CloudStack offerings, super-CIDR and zone of the VPCs and tiers networks.insert and subnetworks.insert
    /// create (`gce.networks.*`).
    public var networks = NetworkDefaults()

    /// Creates a configuration; the defaults follow Google (1 h access tokens, 2 min waits).
    public init(
        publicBaseURL: String, project: String? = nil, tokenKey: [UInt8], tokenLifetimeSeconds: Int = 3600,
        refreshTokenLifetimeSeconds: Int = 30 * 86_400, codeLifetimeSeconds: Int = 300, redirectURIs: [String] = [],
        waitSeconds: Int = 120, imageProjects: [ImageProjectRule] = []
    ) {
        self.publicBaseURL = publicBaseURL
        self.project = project
        self.tokenKey = tokenKey
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.refreshTokenLifetimeSeconds = refreshTokenLifetimeSeconds
        self.codeLifetimeSeconds = codeLifetimeSeconds
        self.redirectURIs = redirectURIs
        self.waitSeconds = waitSeconds
        self.imageProjects = imageProjects
    }
}

import GCE

/// The GCE compute v1 API and its OAuth2 endpoints (`gce`).
public struct GCESettings: Sendable, Equatable {
    /// The project id clients use; empty means the caller's CloudStack account name.
    public var project = ""
    /// Base64 of the 32-byte key that seals access tokens; empty means a random key per start
    /// (tokens then do not survive a restart).
    public var tokenKey = Secret("")
    /// Seconds an issued access token is valid.
    public var tokenLifetimeSeconds = 3600
    /// Redirect URIs the authorization endpoint accepts.
    public var redirectURIs: [String] = []
    /// Public image projects: `<project>/<family>=<OS type prefix>` each; empty = featured templates by OS type.
    public var imageProjects: [String] = []
    /// Batch requests (`POST /batch/compute/v1`): most parts in one batch (Google's limit is 1000).
    public var batchMaxParts = 1000
    /// Batch requests: most bytes in one part.
    public var batchMaxPartBytes = 1 << 20
    /// Batch requests: most bytes in the whole body (the front end's `server.limits.maxBodyBytes` applies first).
    public var batchMaxTotalBytes = 16 << 20
    /// networks.insert: the VPC offering (name or UUID).
    public var networksVPCOffering = "Default VPC offering"
    /// subnetworks.insert: the VPC tier network offering (name or UUID).
    public var networksSubnetworkOffering = "DefaultIsolatedNetworkOfferingForVpcNetworks"
    /// networks.insert: a custom-mode network's VPC super-CIDR.
    public var networksCIDR = "10.0.0.0/8"
    /// networks.insert: the zone of new VPCs; empty = the first zone that can hold VPCs.
    public var networksZone = ""

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        project = reader.string("gce.project", default: project)
        if project.contains(" ") || project.contains("/") {
            reader.problem("gce.project", "must not contain spaces or slashes, got \"\(project)\"")
        }
        tokenKey = reader.secret("gce.tokenKey")
        tokenLifetimeSeconds = reader.int("gce.tokenLifetimeSeconds", default: tokenLifetimeSeconds, in: 60...86_400)
        redirectURIs = reader.list("gce.redirectURIs", default: redirectURIs)
        for uri in redirectURIs where URLParts(uri) == nil && uri != "urn:ietf:wg:oauth:2.0:oob" {
            reader.problem("gce.redirectURIs", "must be http(s) URLs or urn:ietf:wg:oauth:2.0:oob, got \"\(uri)\"")
        }
        imageProjects = reader.list("gce.imageProjects", default: imageProjects)
        for rule in imageProjects where ImageProjectRule(parsing: rule) == nil {
            reader.problem("gce.imageProjects", "must be <project>/<family>=<OS type prefix>, got \"\(rule)\"")
        }
        batchMaxParts = reader.int("gce.batch.maxParts", default: batchMaxParts, in: 1...1000)
        batchMaxPartBytes = reader.int("gce.batch.maxPartBytes", default: batchMaxPartBytes, in: 1024...(64 << 20))
        batchMaxTotalBytes = reader.int("gce.batch.maxTotalBytes", default: batchMaxTotalBytes, in: 1024...(1 << 30))
        networksVPCOffering = reader.string("gce.networks.vpcOffering", default: networksVPCOffering)
        networksSubnetworkOffering = reader.string("gce.networks.subnetworkOffering", default: networksSubnetworkOffering)
        networksCIDR = reader.string("gce.networks.cidr", default: networksCIDR)
        if !NetworkDefaults.isValidCIDR(networksCIDR) {
            reader.problem("gce.networks.cidr", "must be an IPv4 prefix with its host bits clear, got \"\(networksCIDR)\"")
        }
        networksZone = reader.string("gce.networks.zone", default: networksZone)
    }
}

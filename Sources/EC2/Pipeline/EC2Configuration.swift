/// What the EC2 front end needs to know about its deployment: region, endpoint, type names, secrets.
public struct EC2Configuration: Sendable {
    /// The one region this gateway serves; clients sign for it and DescribeRegions lists it.
    public var region: String
    /// The URL clients reach the gateway at, as DescribeRegions reports it (`https://ec2.example.org`).
    public var endpointURL: String
    /// EC2 instance type names (`t3.micro`) mapped to CloudStack service offering names or ids;
    /// offerings not named here are exposed under a derived name (`ServiceOfferingNames`).
    public var instanceTypes: [String: String]
    /// EC2 volume types (`gp3`, `io1`) mapped to CloudStack disk offering names or ids. Empty means
    /// `gp2`, `gp3` and `standard` use the zone's custom-size offering (`VolumeTypes`).
    public var volumeTypes: [String: String]
    /// The key that authenticates `NextToken`s (at least 16 bytes; random per start is fine).
    public var pageTokenSecret: [UInt8]
    /// Allowed clock difference of signed requests, in seconds (AWS allows 15 minutes).
    public var maxClockSkewSeconds: Int64
    /// How long a RunInstances `ClientToken` is remembered in memory (tags keep it beyond that).
    public var clientTokenTTLSeconds: Int64
    /// The CloudStack VPC offering (name or id) CreateVpc uses.
    public var vpcOffering: String
    /// The CloudStack network offering (name or id, `forvpc` true) CreateSubnet makes VPC tiers with.
    public var vpcTierOffering: String
    /// Extra paths (besides `/`) EC2 requests arrive at, e.g. `/services/Cloud`; only for documentation here.
    public var paths: [String]

    /// Creates a configuration.
    public init(
        region: String, endpointURL: String, instanceTypes: [String: String] = [:], volumeTypes: [String: String] = [:],
        pageTokenSecret: [UInt8],
        maxClockSkewSeconds: Int64 = 900, clientTokenTTLSeconds: Int64 = 3600, paths: [String] = [],
        vpcOffering: String = "Default VPC offering", vpcTierOffering: String = "DefaultIsolatedNetworkOfferingForVpcNetworks"
    ) {
        self.region = region
        self.endpointURL = endpointURL
        self.instanceTypes = instanceTypes
        self.volumeTypes = volumeTypes
        self.pageTokenSecret = pageTokenSecret
        self.maxClockSkewSeconds = maxClockSkewSeconds
        self.clientTokenTTLSeconds = clientTokenTTLSeconds
        self.paths = paths
        self.vpcOffering = vpcOffering
        self.vpcTierOffering = vpcTierOffering
    }
}

/// The EC2 Query API (`ec2`): region, where credentials come from, instance type names.
public struct EC2Settings: Sendable, Equatable {
    /// Where an access key id is looked up, in the configured order.
    public enum CredentialSource: String, Sendable, Equatable, CaseIterable {
        /// The CloudStack user's own API key pair (looked up with the admin keys).
        case cloudstack
        /// `staticCredentialsFile`.
        case `static`
    }

    /// The encrypted registry of issued credentials (`ec2.registry`).
    public struct Registry: Sendable, Equatable {
        /// Path of the registry file; empty means no registry.
        public var path = ""
        /// Base64 of the 32-byte key that encrypts the registry.
        public var masterKey = Secret("")

        /// The defaults.
        public init() {}
    }

    /// The region name reported to clients.
    public var region = "cloudstack-1"
    /// Credential sources, tried in order.
    public var credentialSources: [CredentialSource] = [.cloudstack, .static]
    /// File of `ACCESS_KEY_ID SECRET_KEY` lines (a CloudStack key pair each, mode 600); empty means none.
    public var staticCredentialsFile = ""
    /// The credential registry.
    public var registry = Registry()
    /// Seconds a resolved credential is cached.
    public var credentialCacheSeconds = 300
    /// EC2 instance type name -> CloudStack service offering name; types not listed are passed through.
    /// The default names the two offerings a fresh CloudStack installs (`Small Instance`, `Medium Instance`).
    public var instanceTypes: [String: String] = ["t3.micro": "Small Instance", "t3.small": "Medium Instance"]

    /// EC2 volume type -> CloudStack disk offering name or id; empty means gp2, gp3 and standard use
    /// the zone's custom-size offering.
    public var volumeTypes: [String: String] = [:]

    /// The CloudStack VPC offering (name or id) of CreateVpc.
    public var vpcOffering = "Default VPC offering"
    /// The CloudStack network offering (name or id, `forvpc` true) of CreateSubnet's VPC tiers.
    public var vpcTierOffering = "DefaultIsolatedNetworkOfferingForVpcNetworks"

    /// The defaults.
    public init() {}

    init(reading reader: inout SettingsReader) {
        region = reader.string("ec2.region", default: region)
        if region.isEmpty || region.contains(" ") {
            reader.problem("ec2.region", "must be a non-empty name without spaces, got \"\(region)\"")
        }
        let sourceNames = reader.list("ec2.credentialSources", default: credentialSources.map(\.rawValue))
        var sources: [CredentialSource] = []
        for name in sourceNames {
            guard let source = CredentialSource(rawValue: name) else {
                reader.problem("ec2.credentialSources", "unknown source \"\(name)\" (known: cloudstack, static)")
                continue
            }
            if sources.contains(source) {
                reader.problem("ec2.credentialSources", "\"\(name)\" is listed twice")
                continue
            }
            sources.append(source)
        }
        if sourceNames.isEmpty {
            reader.problem("ec2.credentialSources", "must list at least one source")
        }
        credentialSources = sources
        staticCredentialsFile = reader.string("ec2.staticCredentialsFile", default: staticCredentialsFile)
        registry.path = reader.string("ec2.registry.path", default: registry.path)
        registry.masterKey = reader.secret("ec2.registry.masterKey")
        credentialCacheSeconds = reader.int("ec2.credentialCacheSeconds", default: credentialCacheSeconds, in: 0...86_400)
        // A configured list replaces the default one whole (`[]` maps nothing).
        let defaults = instanceTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        instanceTypes = [:]
        for entry in reader.list("ec2.instanceTypes", default: defaults) {
            guard let equals = entry.firstIndex(of: "=") else {
                reader.problem("ec2.instanceTypes", "expected type=offering, got \"\(entry)\"")
                continue
            }
            let type = entry[..<equals].trimmingSpaces
            let offering = entry[entry.index(after: equals)...].trimmingSpaces
            guard !type.isEmpty, !offering.isEmpty else {
                reader.problem("ec2.instanceTypes", "expected type=offering, got \"\(entry)\"")
                continue
            }
            if instanceTypes[type] != nil {
                reader.problem("ec2.instanceTypes", "\"\(type)\" is mapped twice")
            }
            instanceTypes[type] = offering
        }
        for entry in reader.list("ec2.volumeTypes", default: []) {
            guard let equals = entry.firstIndex(of: "=") else {
                reader.problem("ec2.volumeTypes", "expected type=offering, got \"\(entry)\"")
                continue
            }
            let type = entry[..<equals].trimmingSpaces
            let offering = entry[entry.index(after: equals)...].trimmingSpaces
            guard !offering.isEmpty else {
                reader.problem("ec2.volumeTypes", "expected type=offering, got \"\(entry)\"")
                continue
            }
            guard Self.volumeTypeNames.contains(type) else {
                reader.problem(
                    "ec2.volumeTypes", "\"\(type)\" is not an EC2 volume type (\(Self.volumeTypeNames.joined(separator: ", ")))")
                continue
            }
            if volumeTypes[type] != nil {
                reader.problem("ec2.volumeTypes", "\"\(type)\" is mapped twice")
            }
            volumeTypes[type] = offering
        }
        vpcOffering = reader.string("ec2.vpcOffering", default: vpcOffering)
        if vpcOffering.isEmpty { reader.problem("ec2.vpcOffering", "must name a CloudStack VPC offering") }
        vpcTierOffering = reader.string("ec2.vpcTierOffering", default: vpcTierOffering)
        if vpcTierOffering.isEmpty { reader.problem("ec2.vpcTierOffering", "must name a CloudStack network offering for VPC tiers") }
    }

    /// The EC2 model's `VolumeType` values.
    static let volumeTypeNames = ["gp2", "gp3", "standard", "io1", "io2", "st1", "sc1"]
}

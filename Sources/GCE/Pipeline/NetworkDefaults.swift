/// What networks.insert and subnetworks.insert choose for the CloudStack side (`gce.networks.*`, decision 0011).
public struct NetworkDefaults: Sendable, Equatable {
    /// The VPC offering of a new network, by name.
    public var vpcOffering: String
    /// The network offering of a new subnetwork (VPC tier), by name.
    public var subnetworkOffering: String
    /// The super-CIDR of a custom-mode network's VPC.
    public var cidr: String
    /// The zone new VPCs go to (name or CloudStack UUID); empty: the first zone that can hold VPCs.
    public var zone: String

    /// The defaults: CloudStack's own offerings, `10.0.0.0/8`, the first advanced zone without security groups.
    public init(
        vpcOffering: String = "Default VPC offering", subnetworkOffering: String = "DefaultIsolatedNetworkOfferingForVpcNetworks",
        cidr: String = "10.0.0.0/8", zone: String = ""
    ) {
        self.vpcOffering = vpcOffering
        self.subnetworkOffering = subnetworkOffering
        self.cidr = cidr
        self.zone = zone
    }

    /// GCE's auto-mode block, the super-CIDR of an auto-mode network's VPC.
    static let autoModeCIDR = "10.128.0.0/9"
    /// The auto-mode range of the one region (GCE gives its first region `10.128.0.0/20`).
    static let autoSubnetworkRange = "10.128.0.0/20"
}

extension NetworkDefaults {
    /// Whether `text` is an IPv4 prefix with its host bits clear (`gce.networks.cidr`).
    public static func isValidCIDR(_ text: String) -> Bool { IPv4Range(text) != nil }
}

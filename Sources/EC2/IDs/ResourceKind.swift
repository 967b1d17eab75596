/// The kinds of EC2 resource ids the gateway issues, with EC2's prefixes and error codes.
///
/// Codes and their casing as EC2 spells them ("Error codes for the Amazon EC2 API",
/// docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). The NotFound spellings
/// of instance, AMI, volume, group, VPC and key pair are also botocore's EC2 waiter matchers
/// (`botocore/data/ec2/2016-11-15/waiters-2.json`); subnet, snapshot and allocation appear in the
/// EC2 service model's documentation. The casing is not derivable: `InvalidGroupId.Malformed`
/// but `InvalidVpcID.Malformed`, `InvalidVolume.NotFound` but `InvalidVolumeID.Malformed`.
public enum ResourceKind: String, Sendable, CaseIterable {
    /// An instance, `i-`.
    case instance
    /// An image (template), `ami-`.
    case image
    /// A volume, `vol-`.
    case volume
    /// A snapshot, `snap-`.
    case snapshot
    /// A security group, `sg-`.
    case securityGroup
    /// A VPC, `vpc-`.
    case vpc
    /// A subnet (CloudStack network), `subnet-`.
    case subnet
    /// An Elastic IP allocation, `eipalloc-`.
    case allocation
    /// An Elastic IP association, `eipassoc-`.
    case association
    /// A reservation (one RunInstances call), `r-`.
    case reservation
    /// A security-group rule, `sgr-`.
    case securityGroupRule
    /// A route table (the main table of a CloudStack VPC), `rtb-`.
    case routeTable
    /// A route table association (a VPC's main association), `rtbassoc-`.
    case routeTableAssociation
    /// An internet gateway (a CloudStack VPC's virtual router), `igw-`.
    case internetGateway
    /// A NAT gateway (a CloudStack VPC's source NAT address), `nat-`.
    case natGateway
    /// A network ACL (a CloudStack network ACL list), `acl-`.
    case networkAcl
    /// A network ACL association (a VPC tier's ACL list), `aclassoc-`.
    case networkAclAssociation
    /// A DHCP options set (one fixed set), `dopt-`.
    case dhcpOptions
    /// A local gateway (a CloudStack VPC private gateway, the target of static routes), `lgw-`.
    case localGateway
    /// A site-to-site VPN customer gateway (a CloudStack VPN customer gateway), `cgw-`.
    case customerGateway
    /// A VPN gateway (a CloudStack VPC's site-to-site VPN gateway, named after the VPC), `vgw-`.
    case vpnGateway
    /// A network interface (a CloudStack NIC), `eni-`.
    case networkInterface
    /// A placement group (a CloudStack affinity group), `pg-`.
    case placementGroup
    /// A network interface's attachment to its instance (named after the CloudStack NIC), `eni-attach-`.
    case networkInterfaceAttachment
    /// A site-to-site VPN connection (a CloudStack VPN connection), `vpn-`.
    case vpnConnection

    /// The id prefix including the dash (`i-`).
    public var prefix: String {
        switch self {
        case .instance: "i-"
        case .image: "ami-"
        case .volume: "vol-"
        case .snapshot: "snap-"
        case .securityGroup: "sg-"
        case .vpc: "vpc-"
        case .subnet: "subnet-"
        case .allocation: "eipalloc-"
        case .association: "eipassoc-"
        case .reservation: "r-"
        case .securityGroupRule: "sgr-"
        case .routeTable: "rtb-"
        case .routeTableAssociation: "rtbassoc-"
        case .internetGateway: "igw-"
        case .natGateway: "nat-"
        case .networkAcl: "acl-"
        case .networkAclAssociation: "aclassoc-"
        case .dhcpOptions: "dopt-"
        case .localGateway: "lgw-"
        case .customerGateway: "cgw-"
        case .vpnGateway: "vgw-"
        case .networkInterface: "eni-"
        case .placementGroup: "pg-"
        case .networkInterfaceAttachment: "eni-attach-"
        case .vpnConnection: "vpn-"
        }
    }

    /// The code for an id of this kind that is not well formed.
    ///
    /// `InvalidAllocationID.Malformed` is what clients (e.g. Steampipe's AWS plugin) match for
    /// allocation ids; AWS's published table does not list it, so it is the least certain entry.
    /// No `.Malformed` code is documented for association ids; EC2 answers those `.NotFound`.
    public var malformedCode: String {
        switch self {
        case .instance: "InvalidInstanceID.Malformed"
        case .image: "InvalidAMIID.Malformed"
        case .volume: "InvalidVolumeID.Malformed"
        case .snapshot: "InvalidSnapshotID.Malformed"
        case .securityGroup: "InvalidGroupId.Malformed"
        case .vpc: "InvalidVpcID.Malformed"
        case .subnet: "InvalidSubnetID.Malformed"
        case .allocation: "InvalidAllocationID.Malformed"
        case .association: "InvalidAssociationID.NotFound"
        case .reservation: "InvalidReservationID.Malformed"
        case .securityGroupRule: "InvalidSecurityGroupRuleId.Malformed"
        case .routeTable: "InvalidRouteTableID.Malformed"
        case .routeTableAssociation: "InvalidAssociationID.NotFound"
        case .internetGateway: "InvalidInternetGatewayID.Malformed"
        case .natGateway: "NatGatewayMalformed"
        case .networkAcl: "InvalidNetworkAclID.Malformed"
        case .networkAclAssociation: "InvalidAssociationID.NotFound"
        case .dhcpOptions: "InvalidDhcpOptionsId.Malformed"
        case .localGateway: "InvalidLocalGatewayID.Malformed"
        case .customerGateway: "InvalidCustomerGatewayId.Malformed"
        case .vpnGateway: "InvalidVpnGatewayID.Malformed"
        case .networkInterface: "InvalidNetworkInterfaceID.Malformed"
        case .placementGroup: "InvalidPlacementGroupId.Malformed"
        case .networkInterfaceAttachment: "InvalidAttachmentID.Malformed"
        case .vpnConnection: "InvalidVpnConnectionID"
        }
    }

    /// The code for a well-formed id that names nothing.
    public var notFoundCode: String {
        switch self {
        case .instance: "InvalidInstanceID.NotFound"
        case .image: "InvalidAMIID.NotFound"
        case .volume: "InvalidVolume.NotFound"
        case .snapshot: "InvalidSnapshot.NotFound"
        case .securityGroup: "InvalidGroup.NotFound"
        case .vpc: "InvalidVpcID.NotFound"
        case .subnet: "InvalidSubnetID.NotFound"
        case .allocation: "InvalidAllocationID.NotFound"
        case .association: "InvalidAssociationID.NotFound"
        case .reservation: "InvalidReservationID.NotFound"
        case .securityGroupRule: "InvalidSecurityGroupRuleId.NotFound"
        case .routeTable: "InvalidRouteTableID.NotFound"
        case .routeTableAssociation: "InvalidAssociationID.NotFound"
        case .internetGateway: "InvalidInternetGatewayID.NotFound"
        case .natGateway: "NatGatewayNotFound"
        case .networkAcl: "InvalidNetworkAclID.NotFound"
        case .networkAclAssociation: "InvalidAssociationID.NotFound"
        case .dhcpOptions: "InvalidDhcpOptionID.NotFound"
        case .localGateway: "InvalidLocalGatewayID.NotFound"
        case .customerGateway: "InvalidCustomerGatewayID.NotFound"
        case .vpnGateway: "InvalidVpnGatewayID.NotFound"
        case .networkInterface: "InvalidNetworkInterfaceID.NotFound"
        case .placementGroup: "InvalidPlacementGroup.Unknown"
        case .networkInterfaceAttachment: "InvalidAttachmentID.NotFound"
        case .vpnConnection: "InvalidVpnConnectionID.NotFound"
        }
    }

    /// The noun EC2's NotFound messages use (`The instance ID 'i-…' does not exist`).
    var noun: String {
        switch self {
        case .instance: "instance ID"
        case .image: "image id"
        case .volume: "volume"
        case .snapshot: "snapshot"
        case .securityGroup: "security group"
        case .vpc: "vpc ID"
        case .subnet: "subnet ID"
        case .allocation: "allocation ID"
        case .association: "association ID"
        case .reservation: "reservation ID"
        case .securityGroupRule: "security group rule ID"
        case .routeTable: "route table"
        case .routeTableAssociation: "association ID"
        case .internetGateway: "internet gateway"
        case .natGateway: "NAT gateway"
        case .networkAcl: "network ACL"
        case .networkAclAssociation: "association ID"
        case .dhcpOptions: "DHCP options"
        case .localGateway: "local gateway"
        case .customerGateway: "customer gateway"
        case .vpnGateway: "vpn gateway"
        case .networkInterface: "network interface ID"
        case .placementGroup: "placement group"
        case .networkInterfaceAttachment: "attachment ID"
        case .vpnConnection: "vpnConnection ID"
        }
    }
}

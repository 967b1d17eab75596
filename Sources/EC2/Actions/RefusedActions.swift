/// EC2 actions CloudStack cannot back, with why: answered `UnsupportedOperation` with that reason
/// (docs/ec2.md lists each), rather than the generic "not supported" of an action not implemented.
enum RefusedActions {
    /// The reason each action is refused, by action name, alphabetised.
    static let reasons: [String: String] = [
        "AssociateRouteTable": "a CloudStack VPC has one route table, its router's, which every tier uses",
        "AttachInternetGateway": "a CloudStack VPC's internet gateway is its virtual router, attached to that VPC for life",
        "AttachNetworkInterface":
            "a CloudStack NIC exists only on its VM and cannot move to another; RunInstances NetworkInterface.N adds interfaces at launch",
        "CreateDhcpOptions": "CloudStack's virtual routers serve one fixed DHCP options set (dopt-00000000000000000000000000000000)",
        "CreateInternetGateway": "a CloudStack VPC's internet gateway is its virtual router, which exists with the VPC",
        "CreateNatGateway": "a CloudStack VPC's NAT gateway is its router's source NAT address, which exists with the VPC",
        "CreateNetworkInterface": "a CloudStack NIC exists only on a VM: RunInstances NetworkInterface.N creates one with its instance",
        "CreateRouteTable": "a CloudStack VPC has one route table, its router's, which exists with the VPC",
        "CreateVpnConnectionRoute":
            "a CloudStack connection's routes are its customer gateway's peer CIDRs, which can change only while no connection uses it",
        "CreateVpnGateway":
            "every CloudStack VPC has one VPN gateway, vgw- + the VPC's id hex (DescribeVpnGateways lists it); AttachVpnGateway creates it in CloudStack",
        "DeleteDhcpOptions": "CloudStack's virtual routers serve one fixed DHCP options set, which cannot be deleted",
        "DeleteInternetGateway": "a CloudStack VPC's internet gateway is its virtual router, which goes with the VPC",
        "DeleteNatGateway": "a CloudStack VPC's NAT gateway is its router's source NAT address, which goes with the VPC",
        "DeleteNetworkInterface": "a CloudStack NIC goes with its VM: DetachNetworkInterface removes one from its instance",
        "DeleteRouteTable": "a CloudStack VPC's one route table goes with the VPC",
        "DeleteVpnConnectionRoute":
            "a CloudStack connection's routes are its customer gateway's peer CIDRs, which can change only while no connection uses it",
        "DetachInternetGateway": "a CloudStack VPC's internet gateway is its virtual router, attached to that VPC for life",
        "DisassociateRouteTable": "every tier of a CloudStack VPC uses its router's one route table",
        "ModifyVpnConnection":
            "a CloudStack VPN connection joins one VPN gateway and one customer gateway for life; delete it and create another",
        "ModifyVpnConnectionOptions":
            "a CloudStack connection joins the VPC's CIDR to the customer gateway's peer CIDRs, which cannot change while it is up",
        "ModifyVpnTunnelCertificate": "CloudStack VPN peers use pre-shared keys, not certificates",
        "ModifyVpnTunnelOptions":
            "a CloudStack connection's IKE/ESP settings are its customer gateway's, which cannot change while it is up",
        "ReplaceRouteTableAssociation": "a CloudStack VPC has one route table, its router's, which every tier uses",
    ]

    /// The `UnsupportedOperation` message for a refused action, or nil.
    static func message(for action: String) -> String? {
        reasons[action].map { "The action \(action) is not supported: \($0)." }
    }
}

import CloudStack

/// The route members CreateRoute and ReplaceRoute share, and what CloudStack can honour of them:
/// a static route [createStaticRoute] from an IPv4 destination to a VPC private gateway, named as a
/// local gateway (`LocalGatewayId` `lgw-` + the private gateway's hex). Every other target is refused
/// naming the member (docs/ec2.md).
struct RouteTarget: Decodable, Sendable {
    let routeTableId: String?
    let destinationCidrBlock: String?
    let localGatewayId: String?
    let gatewayId: String?
    /// Targets and destinations CloudStack's VPC router has no counterpart for, by wire name.
    let unsupported: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case routeTableId = "RouteTableId"
        case destinationCidrBlock = "DestinationCidrBlock"
        case localGatewayId = "LocalGatewayId"
        case gatewayId = "GatewayId"
        case destinationIpv6CidrBlock = "DestinationIpv6CidrBlock"
        case destinationPrefixListId = "DestinationPrefixListId"
        case vpcEndpointId = "VpcEndpointId"
        case transitGatewayId = "TransitGatewayId"
        case carrierGatewayId = "CarrierGatewayId"
        case coreNetworkArn = "CoreNetworkArn"
        case odbNetworkArn = "OdbNetworkArn"
        case egressOnlyInternetGatewayId = "EgressOnlyInternetGatewayId"
        case instanceId = "InstanceId"
        case networkInterfaceId = "NetworkInterfaceId"
        case vpcPeeringConnectionId = "VpcPeeringConnectionId"
        case natGatewayId = "NatGatewayId"
        case localTarget = "LocalTarget"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        routeTableId = try c.decodeIfPresent(String.self, forKey: .routeTableId)
        destinationCidrBlock = try c.decodeIfPresent(String.self, forKey: .destinationCidrBlock)
        localGatewayId = try c.decodeIfPresent(String.self, forKey: .localGatewayId)
        gatewayId = try c.decodeIfPresent(String.self, forKey: .gatewayId)
        var unsupported: [String] = []
        for key in CodingKeys.allCases
        where ![.routeTableId, .destinationCidrBlock, .localGatewayId, .gatewayId].contains(key) && c.contains(key) {
            _ = try c.decodeIfPresent(String.self, forKey: key)
            unsupported.append(key.rawValue)
        }
        self.unsupported = unsupported
    }

    /// The refusals the input alone shows.
    func validate() throws(EC2Error) {
        guard let table = routeTableId, !table.isEmpty else { throw EC2Error.missingParameter("RouteTableId") }
        if let name = unsupported.first {
            throw EC2Error.unsupportedOperation(
                "The parameter \(name) is not supported: a CloudStack VPC routes only to its private gateways (LocalGatewayId lgw-…).")
        }
        guard let cidr = destinationCidrBlock, !cidr.isEmpty else { throw EC2Error.missingParameter("DestinationCidrBlock") }
        guard IPv4CIDR.isValid(cidr) else {
            throw EC2Error.invalidParameterValue("Value (\(XMLSafeName.clip(cidr))) for parameter destinationCidrBlock is invalid.")
        }
        if gatewayId != nil {
            throw EC2Error.unsupportedOperation(
                "The parameter GatewayId is not supported: a CloudStack VPC's route to its internet gateway is its router's source NAT and cannot be added or moved; static routes go to private gateways (LocalGatewayId lgw-…)."
            )
        }
        if localGatewayId == nil { throw EC2Error.missingParameter("LocalGatewayId") }
    }

    /// The route table and the private gateway the route goes to, checked against the VPC.
    func resolve(in context: ActionContext) async throws -> (router: VPCRouting.Router, gateway: PrivateGateway, cidr: String) {
        let table = try EC2ID.parse(routeTableId ?? "", as: .routeTable)
        let gatewayID = try EC2ID.parse(localGatewayId ?? "", as: .localGateway)
        let router = try await VPCRouting.router(for: table, in: context)
        guard let gateway = router.privateGateways.first(where: { $0.id == gatewayID.cloudStackUUID }) else {
            throw EC2Error.notFound(.localGateway, ids: [gatewayID.description])
        }
        return (router, gateway, IPv4CIDR.normalised(destinationCidrBlock ?? ""))
    }
}

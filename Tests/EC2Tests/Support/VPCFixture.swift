import CloudStack
import Foundation
import Testing

@testable import EC2

/// A CloudStack VPC with one tier and (optionally) a private gateway, made through the simulator's
/// CloudStack API as a user (VPC, tier) and the root admin (private gateway, admin-only in 4.18).
struct VPCFixture {
    let vpcUUID: String
    let tierUUID: String
    let gatewayUUID: String?
    let cidr: String

    var vpcID: String { "vpc-" + Self.hex(vpcUUID) }
    var subnetID: String { "subnet-" + Self.hex(tierUUID) }
    var routeTableID: String { "rtb-" + Self.hex(vpcUUID) }
    var internetGatewayID: String { "igw-" + Self.hex(vpcUUID) }
    var localGatewayID: String? { gatewayUUID.map { "lgw-" + Self.hex($0) } }
    var associationID: String { "aclassoc-" + Self.hex(tierUUID) }

    static func hex(_ uuid: String) -> String { uuid.replacingOccurrences(of: "-", with: "") }

    /// Offerings are not commands the bridge uses; these read just their ids.
    static let listVPCOfferings = ListCommand<VPC>("listVPCOfferings", item: "vpcoffering")
    static let listNetworkOfferings = ListCommand<VPC>("listNetworkOfferings", item: "networkoffering")
    static let createPrivateGateway = AsyncCommand<PrivateGateway>("createPrivateGateway", jobResult: "privategateway")

    static func make(_ cloud: EC2TestCloud, cidr: String = "10.20.0.0/16", name: String = "vpc1", gateway: Bool = true) async throws
        -> VPCFixture
    {
        let user = CloudStackCredentials(apiKey: cloud.user.apiKey, secretKey: cloud.user.secretKey)
        let admin = CloudStackCredentials(apiKey: cloud.admin.apiKey, secretKey: cloud.admin.secretKey)
        let zones = try await cloud.client.listAll(CommandTable.listZones, Parameters(), as: user)
        let zone = try #require(zones.first { $0.networktype == "Advanced" }?.id)
        let vpcOffering = try #require(try await cloud.client.listAll(listVPCOfferings, Parameters(), as: user).first?.id)
        let tierOffering = try #require(try await cloud.client.listAll(listNetworkOfferings, ["forvpc": "true"], as: user).first?.id)
        let vpc = try await cloud.client.run(
            CommandTable.createVPC,
            [
                "name": name, "displaytext": name, "cidr": cidr, "vpcofferingid": vpcOffering, "zoneid": zone,
                "networkdomain": "routes.internal",
            ],
            as: user)
        let vpcUUID = try #require(vpc.id)
        let octets = cidr.split(separator: ".")
        let tier = try await cloud.client.call(
            CommandTable.createNetwork,
            [
                "name": name + "-tier1", "displaytext": "tier1", "networkofferingid": tierOffering, "zoneid": zone, "vpcid": vpcUUID,
                "gateway": "\(octets[0]).\(octets[1]).1.1", "netmask": "255.255.255.0",
            ], as: user)
        var gatewayUUID: String?
        if gateway {
            let created = try await cloud.client.run(
                createPrivateGateway,
                ["vpcid": vpcUUID, "ipaddress": "192.168.50.2", "gateway": "192.168.50.1", "netmask": "255.255.255.0", "vlan": "50"],
                as: admin)
            gatewayUUID = created.id
        }
        return VPCFixture(vpcUUID: vpcUUID, tierUUID: try #require(tier.id), gatewayUUID: gatewayUUID, cidr: cidr)
    }
}

/// A site-to-site VPN connection between a VPC's VPN gateway and a customer gateway.
struct VpnConnection: Sendable {
    var id: String
    var vpnGatewayID: String
    var customerGatewayID: String
    var accountID: String
    /// `Site2SiteVpnConnection.State`: `Pending` until the start job ends, then `Connected` (`Disconnected` when passive).
    var state: String
    var passive: Bool
    var forDisplay: Bool
    var created: Int64
}

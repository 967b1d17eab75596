/// A site-to-site VPN customer gateway: the remote end, its networks and IPsec settings.
struct VpnCustomerGateway: Sendable {
    var id: String
    var name: String
    var accountID: String
    var gateway: String
    var cidrList: [String]
    var ipsecPSK: String
    var ikePolicy: String
    var espPolicy: String
    var ikeLifetime: Int64
    var espLifetime: Int64
    var dpd: Bool
    var forceEncap: Bool
    var ikeVersion: String
    var splitConnections: Bool
}

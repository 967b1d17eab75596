/// A VM's network interface on one network.
struct Nic: Sendable {
    /// A secondary IPv4 address of the NIC (`nic_secondary_ips`; `secondaryip` in a NicResponse).
    struct SecondaryIP: Sendable {
        var id: String
        var address: String
    }

    var id: String
    var networkID: String
    var ipAddress: String
    var netmask: String
    var gateway: String
    var macAddress: String
    var isDefault: Bool
    var deviceID: Int
    var secondaryIPs: [SecondaryIP] = []
}

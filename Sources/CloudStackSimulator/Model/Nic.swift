/// A VM's network interface on one network.
struct Nic: Sendable {
    var id: String
    var networkID: String
    var ipAddress: String
    var netmask: String
    var gateway: String
    var macAddress: String
    var isDefault: Bool
    var deviceID: Int
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
/// A VM's network interface (`nic` of a virtual machine).
public struct Nic: CloudStackDecodable, Equatable {
    /// `adaptertype`: Type of adapter if available
    public var adaptertype: String?
    /// `broadcasturi`: the broadcast uri of the nic
    public var broadcasturi: String?
    /// `deviceid`: device id for the network when plugged into the virtual machine
    public var deviceid: String?
    /// `gateway`: the gateway of the nic
    public var gateway: String?
    /// `id`: the ID of the nic
    public var id: String?
    /// `ip6address`: the IPv6 address of network
    public var ip6address: String?
    /// `ip6cidr`: the cidr of IPv6 network
    public var ip6cidr: String?
    /// `ip6gateway`: the gateway of IPv6 network
    public var ip6gateway: String?
    /// `ipaddress`: the ip address of the nic
    public var ipaddress: String?
    /// `ipaddresses`: IP addresses associated with NIC found for unmanaged VM
    public var ipaddresses: [String] = []
    /// `isdefault`: true if nic is default, false otherwise
    public var isdefault: Bool?
    /// `isolatedpvlan`: the isolated private VLAN if available
    public var isolatedpvlan: Int64?
    /// `isolatedpvlantype`: the isolated private VLAN type if available
    public var isolatedpvlantype: String?
    /// `isolationuri`: the isolation uri of the nic
    public var isolationuri: String?
    /// `macaddress`: true if nic is default, false otherwise
    public var macaddress: String?
    /// `mtu`: MTU configured on the NIC
    public var mtu: Int64?
    /// `netmask`: the netmask of the nic
    public var netmask: String?
    /// `networkid`: the ID of the corresponding network
    public var networkid: String?
    /// `networkname`: the name of the corresponding network
    public var networkname: String?
    /// `nsxlogicalswitch`: Id of the NSX Logical Switch (if NSX based), null otherwise
    public var nsxlogicalswitch: String?
    /// `nsxlogicalswitchport`: Id of the NSX Logical Switch Port (if NSX based), null otherwise
    public var nsxlogicalswitchport: String?
    /// `traffictype`: the traffic type of the nic
    public var traffictype: String?
    /// `type`: the type of the nic
    public var type: String?
    /// `virtualmachineid`: Id of the vm to which the nic belongs
    public var virtualmachineid: String?
    /// `vlanid`: ID of the VLAN/VNI if available
    public var vlanid: Int64?
    /// `vpcid`: Id of the vpc to which the nic belongs
    public var vpcid: String?
    /// `vpcname`: name of the vpc to which the nic belongs
    public var vpcname: String?

    /// Creates a value with every field absent.
    public init() {}
}

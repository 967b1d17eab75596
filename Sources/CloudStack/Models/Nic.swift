// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A VM's network interface (`nic` of a virtual machine).
public struct Nic: CloudStackDecodable, Equatable {
    /// `deviceid`: device id for the network when plugged into the virtual machine
    public var deviceid: String?
    /// `gateway`: the gateway of the nic
    public var gateway: String?
    /// `id`: the ID of the nic
    public var id: String?
    /// `ipaddress`: the ip address of the nic
    public var ipaddress: String?
    /// `isdefault`: true if nic is default, false otherwise
    public var isdefault: Bool?
    /// `macaddress`: true if nic is default, false otherwise
    public var macaddress: String?
    /// `netmask`: the netmask of the nic
    public var netmask: String?
    /// `networkid`: the ID of the corresponding network
    public var networkid: String?
    /// `networkname`: the name of the corresponding network
    public var networkname: String?
    /// `secondaryip`: the Secondary ipv4 addr of nic
    public var secondaryip: [NicSecondaryIP] = []
    /// `type`: the type of the nic
    public var type: String?
    /// `virtualmachineid`: Id of the vm to which the nic belongs
    public var virtualmachineid: String?
    /// `vpcid`: Id of the vpc to which the nic belongs
    public var vpcid: String?
    /// `vpcname`: name of the vpc to which the nic belongs
    public var vpcname: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension Nic {
    /// Decodes one `Nic` object, skipping unknown fields.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            // Grouping by length first keeps each lookup to a few byte comparisons.
            switch key.byteCount {
            case 2:
                switch key {
                case "id": value.id = try reader.text()
                default: try reader.skip()
                }
            case 4:
                switch key {
                case "type": value.type = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "gateway": value.gateway = try reader.text()
                case "netmask": value.netmask = try reader.text()
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "deviceid": value.deviceid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "ipaddress": value.ipaddress = try reader.text()
                case "isdefault": value.isdefault = try reader.flag()
                case "networkid": value.networkid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "macaddress": value.macaddress = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "networkname": value.networkname = try reader.text()
                case "secondaryip": value.secondaryip = try reader.objects(NicSecondaryIP.self)
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "virtualmachineid": value.virtualmachineid = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "deviceid", "gateway", "id", "ipaddress", "isdefault", "macaddress",
        "netmask", "networkid", "networkname", "secondaryip", "type", "virtualmachineid",
        "vpcid", "vpcname",
    ]
}

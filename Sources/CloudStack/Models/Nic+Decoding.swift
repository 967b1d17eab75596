// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

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
            case 3:
                switch key {
                case "mtu": value.mtu = try reader.integer()
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
            case 6:
                switch key {
                case "vlanid": value.vlanid = try reader.integer()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "gateway": value.gateway = try reader.text()
                case "ip6cidr": value.ip6cidr = try reader.text()
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
                case "ip6address": value.ip6address = try reader.text()
                case "ip6gateway": value.ip6gateway = try reader.text()
                case "macaddress": value.macaddress = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "adaptertype": value.adaptertype = try reader.text()
                case "ipaddresses": value.ipaddresses = try reader.texts()
                case "networkname": value.networkname = try reader.text()
                case "traffictype": value.traffictype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "broadcasturi": value.broadcasturi = try reader.text()
                case "isolationuri": value.isolationuri = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "isolatedpvlan": value.isolatedpvlan = try reader.integer()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "nsxlogicalswitch": value.nsxlogicalswitch = try reader.text()
                case "virtualmachineid": value.virtualmachineid = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "isolatedpvlantype": value.isolatedpvlantype = try reader.text()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "nsxlogicalswitchport": value.nsxlogicalswitchport = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "adaptertype", "broadcasturi", "deviceid", "gateway", "id", "ip6address",
        "ip6cidr", "ip6gateway", "ipaddress", "ipaddresses", "isdefault", "isolatedpvlan",
        "isolatedpvlantype", "isolationuri", "macaddress", "mtu", "netmask", "networkid",
        "networkname", "nsxlogicalswitch", "nsxlogicalswitchport", "traffictype", "type", "virtualmachineid",
        "vlanid", "vpcid", "vpcname",
    ]
}

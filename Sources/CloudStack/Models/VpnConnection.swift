// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A site-to-site VPN connection (`vpnconnection`); its `ipsecpsk` is never read.
public struct VpnConnection: CloudStackDecodable, Equatable {
    /// `account`: the owner
    public var account: String?
    /// `cidrlist`: guest cidr list of the customer gateway. Multiple entries are separated by a single comma character (,).
    public var cidrlist: String?
    /// `created`: the date and time the host was created
    public var created: String?
    /// `domain`: the domain name of the owner
    public var domain: String?
    /// `domainid`: the domain id of the owner
    public var domainid: String?
    /// `dpd`: if DPD is enabled for customer gateway
    public var dpd: Bool?
    /// `esplifetime`: Lifetime of ESP SA of customer gateway
    public var esplifetime: Int64?
    /// `esppolicy`: ESP policy of the customer gateway
    public var esppolicy: String?
    /// `forceencap`: if Force NAT Encapsulation is enabled for customer gateway
    public var forceencap: Bool?
    /// `fordisplay`: is connection for display to the regular user
    public var fordisplay: Bool?
    /// `gateway`: public ip address id of the customer gateway
    public var gateway: String?
    /// `id`: the connection ID
    public var id: String?
    /// `ikelifetime`: Lifetime of IKE SA of customer gateway
    public var ikelifetime: Int64?
    /// `ikepolicy`: IKE policy of the customer gateway
    public var ikepolicy: String?
    /// `ikeversion`: Which IKE Version to use, one of ike (autoselect), ikev1, or ikev2. Defaults to ike
    public var ikeversion: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `passive`: State of vpn connection
    public var passive: Bool?
    /// `publicip`: the public IP address
    public var publicip: String?
    /// `removed`: the date and time the host was removed
    public var removed: String?
    /// `s2scustomergatewayid`: the customer gateway ID
    public var s2scustomergatewayid: String?
    /// `s2svpngatewayid`: the vpn gateway ID
    public var s2svpngatewayid: String?
    /// `splitconnections`: Split multiple remote networks into multiple phase 2 SAs. Often used with Cisco some products.
    public var splitconnections: Bool?
    /// `state`: State of vpn connection
    public var state: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension VpnConnection {
    /// Decodes one `VpnConnection` object, skipping unknown fields.
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
                case "dpd": value.dpd = try reader.flag()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "gateway": value.gateway = try reader.text()
                case "passive": value.passive = try reader.flag()
                case "removed": value.removed = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cidrlist": value.cidrlist = try reader.text()
                case "domainid": value.domainid = try reader.text()
                case "publicip": value.publicip = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "esppolicy": value.esppolicy = try reader.text()
                case "ikepolicy": value.ikepolicy = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "forceencap": value.forceencap = try reader.flag()
                case "fordisplay": value.fordisplay = try reader.flag()
                case "ikeversion": value.ikeversion = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "esplifetime": value.esplifetime = try reader.integer()
                case "ikelifetime": value.ikelifetime = try reader.integer()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "s2svpngatewayid": value.s2svpngatewayid = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "splitconnections": value.splitconnections = try reader.flag()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "s2scustomergatewayid": value.s2scustomergatewayid = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "cidrlist", "created", "domain", "domainid", "dpd",
        "esplifetime", "esppolicy", "forceencap", "fordisplay", "gateway", "id",
        "ikelifetime", "ikepolicy", "ikeversion", "jobid", "jobstatus", "passive",
        "publicip", "removed", "s2scustomergatewayid", "s2svpngatewayid", "splitconnections", "state",
    ]
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A site-to-site VPN customer gateway (`vpncustomergateway`); its `ipsecpsk` is never read.
public struct VpnCustomerGateway: CloudStackDecodable, Equatable {
    /// `account`: the owner
    public var account: String?
    /// `cidrlist`: guest cidr list of the customer gateway. Multiple entries are separated by a single comma character (,).
    public var cidrlist: String?
    /// `domain`: the domain name of the owner
    public var domain: String?
    /// `domainid`: the domain id of the owner
    public var domainid: String?
    /// `dpd`: if DPD is enabled for customer gateway
    public var dpd: Bool?
    /// `esplifetime`: Lifetime of ESP SA of customer gateway
    public var esplifetime: Int64?
    /// `esppolicy`: IPsec policy of customer gateway
    public var esppolicy: String?
    /// `forceencap`: if Force NAT Encapsulation is enabled for customer gateway
    public var forceencap: Bool?
    /// `gateway`: public ip address id of the customer gateway
    public var gateway: String?
    /// `id`: the vpn gateway ID
    public var id: String?
    /// `ikelifetime`: Lifetime of IKE SA of customer gateway
    public var ikelifetime: Int64?
    /// `ikepolicy`: IKE policy of customer gateway
    public var ikepolicy: String?
    /// `ikeversion`: Which IKE Version to use, one of ike (autoselect), ikev1, or ikev2. Defaults to ike
    public var ikeversion: String?
    /// `ipaddress`: guest ip of the customer gateway
    public var ipaddress: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `name`: name of the customer gateway
    public var name: String?
    /// `removed`: the date and time the host was removed
    public var removed: String?
    /// `splitconnections`: For IKEv2, whether to split multiple right subnet cidrs into multiple connection statements.
    public var splitconnections: Bool?

    /// Creates a value with every field absent.
    public init() {}
}

extension VpnCustomerGateway {
    /// Decodes one `VpnCustomerGateway` object, skipping unknown fields.
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
            case 4:
                switch key {
                case "name": value.name = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
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
                case "gateway": value.gateway = try reader.text()
                case "removed": value.removed = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cidrlist": value.cidrlist = try reader.text()
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "esppolicy": value.esppolicy = try reader.text()
                case "ikepolicy": value.ikepolicy = try reader.text()
                case "ipaddress": value.ipaddress = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "forceencap": value.forceencap = try reader.flag()
                case "ikeversion": value.ikeversion = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "esplifetime": value.esplifetime = try reader.integer()
                case "ikelifetime": value.ikelifetime = try reader.integer()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "splitconnections": value.splitconnections = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "cidrlist", "domain", "domainid", "dpd", "esplifetime",
        "esppolicy", "forceencap", "gateway", "id", "ikelifetime", "ikepolicy",
        "ikeversion", "ipaddress", "jobid", "jobstatus", "name", "removed",
        "splitconnections",
    ]
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Network {
    /// Decodes one `Network` object, skipping unknown fields.
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
                case "cidr": value.cidr = try reader.text()
                case "dns1": value.dns1 = try reader.text()
                case "dns2": value.dns2 = try reader.text()
                case "name": value.name = try reader.text()
                case "tags": value.tags = try reader.objects(Tag.self)
                case "type": value.type = try reader.text()
                case "vlan": value.vlan = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "aclid": value.aclid = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "aclname": value.aclname = try reader.text()
                case "acltype": value.acltype = try reader.text()
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                case "gateway": value.gateway = try reader.text()
                case "ip6cidr": value.ip6cidr = try reader.text()
                case "ip6dns1": value.ip6dns1 = try reader.text()
                case "ip6dns2": value.ip6dns2 = try reader.text()
                case "netmask": value.netmask = try reader.text()
                case "project": value.project = try reader.text()
                case "related": value.related = try reader.text()
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "issystem": value.issystem = try reader.flag()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "isdefault": value.isdefault = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                case "publicmtu": value.publicmtu = try reader.integer()
                case "sentbytes": value.sentbytes = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "externalid": value.externalid = try reader.text()
                case "ip6gateway": value.ip6gateway = try reader.text()
                case "ip6routing": value.ip6routing = try reader.text()
                case "privatemtu": value.privatemtu = try reader.integer()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                case "networkcidr": value.networkcidr = try reader.text()
                case "traffictype": value.traffictype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "broadcasturi": value.broadcasturi = try reader.text()
                case "ispersistent": value.ispersistent = try reader.flag()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "networkdomain": value.networkdomain = try reader.text()
                case "receivedbytes": value.receivedbytes = try reader.integer()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "displaynetwork": value.displaynetwork = try reader.flag()
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "canusefordeploy": value.canusefordeploy = try reader.flag()
                case "redundantrouter": value.redundantrouter = try reader.flag()
                case "reservediprange": value.reservediprange = try reader.text()
                case "restartrequired": value.restartrequired = try reader.flag()
                case "specifyipranges": value.specifyipranges = try reader.flag()
                case "subdomainaccess": value.subdomainaccess = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "internetprotocol": value.internetprotocol = try reader.text()
                case "strechedl2subnet": value.strechedl2subnet = try reader.flag()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "associatednetwork": value.associatednetwork = try reader.text()
                case "networkofferingid": value.networkofferingid = try reader.text()
                case "physicalnetworkid": value.physicalnetworkid = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "associatednetworkid": value.associatednetworkid = try reader.text()
                case "broadcastdomaintype": value.broadcastdomaintype = try reader.text()
                case "egressdefaultpolicy": value.egressdefaultpolicy = try reader.flag()
                case "networkofferingname": value.networkofferingname = try reader.text()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "supportsvmautoscaling": value.supportsvmautoscaling = try reader.flag()
                default: try reader.skip()
                }
            case 25:
                switch key {
                case "tungstenvirtualrouteruuid": value.tungstenvirtualrouteruuid = try reader.text()
                default: try reader.skip()
                }
            case 26:
                switch key {
                case "networkofferingdisplaytext": value.networkofferingdisplaytext = try reader.text()
                default: try reader.skip()
                }
            case 27:
                switch key {
                case "networkofferingavailability": value.networkofferingavailability = try reader.text()
                case "networkofferingconservemode": value.networkofferingconservemode = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "aclid", "aclname", "acltype", "associatednetwork", "associatednetworkid",
        "broadcastdomaintype", "broadcasturi", "canusefordeploy", "cidr", "created", "details",
        "displaynetwork", "displaytext", "dns1", "dns2", "domain", "domainid",
        "egressdefaultpolicy", "externalid", "gateway", "hasannotations", "id", "internetprotocol",
        "ip6cidr", "ip6dns1", "ip6dns2", "ip6gateway", "ip6routing", "isdefault",
        "ispersistent", "issystem", "jobid", "jobstatus", "name", "netmask",
        "networkcidr", "networkdomain", "networkofferingavailability", "networkofferingconservemode", "networkofferingdisplaytext",
        "networkofferingid",
        "networkofferingname", "physicalnetworkid", "privatemtu", "project", "projectid", "publicmtu",
        "receivedbytes", "redundantrouter", "related", "reservediprange", "restartrequired", "sentbytes",
        "specifyipranges", "state", "strechedl2subnet", "subdomainaccess", "supportsvmautoscaling", "tags",
        "traffictype", "tungstenvirtualrouteruuid", "type", "vlan", "vpcid", "vpcname",
        "zoneid", "zonename",
    ]
}

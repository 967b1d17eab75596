// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension NetworkOffering {
    /// Decodes one `NetworkOffering` object, skipping unknown fields.
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
                case "name": value.name = try reader.text()
                case "tags": value.tags = try reader.text()
                case "zone": value.zone = try reader.text()
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
                case "forvpc": value.forvpc = try reader.flag()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "isdefault": value.isdefault = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                case "fortungsten": value.fortungsten = try reader.flag()
                case "guestiptype": value.guestiptype = try reader.text()
                case "networkrate": value.networkrate = try reader.integer()
                case "specifyvlan": value.specifyvlan = try reader.flag()
                case "traffictype": value.traffictype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "availability": value.availability = try reader.text()
                case "conservemode": value.conservemode = try reader.flag()
                case "ispersistent": value.ispersistent = try reader.flag()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                case "maxconnections": value.maxconnections = try reader.integer()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "specifyipranges": value.specifyipranges = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "internetprotocol": value.internetprotocol = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "serviceofferingid": value.serviceofferingid = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "egressdefaultpolicy": value.egressdefaultpolicy = try reader.flag()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "supportspublicaccess": value.supportspublicaccess = try reader.flag()
                default: try reader.skip()
                }
            case 24:
                switch key {
                case "supportsstrechedl2subnet": value.supportsstrechedl2subnet = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "availability", "conservemode", "created", "details", "displaytext", "domain",
        "domainid", "egressdefaultpolicy", "fortungsten", "forvpc", "guestiptype", "hasannotations",
        "id", "internetprotocol", "isdefault", "ispersistent", "jobid", "jobstatus",
        "maxconnections", "name", "networkrate", "serviceofferingid", "specifyipranges", "specifyvlan",
        "state", "supportspublicaccess", "supportsstrechedl2subnet", "tags", "traffictype", "zone",
        "zoneid",
    ]
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension VPC {
    /// Decodes one `VPC` object, skipping unknown fields.
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
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "ip6dns1": value.ip6dns1 = try reader.text()
                case "ip6dns2": value.ip6dns2 = try reader.text()
                case "project": value.project = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                case "publicmtu": value.publicmtu = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "fordisplay": value.fordisplay = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "networkdomain": value.networkdomain = try reader.text()
                case "vpcofferingid": value.vpcofferingid = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                case "regionlevelvpc": value.regionlevelvpc = try reader.flag()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "restartrequired": value.restartrequired = try reader.flag()
                case "vpcofferingname": value.vpcofferingname = try reader.text()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "redundantvpcrouter": value.redundantvpcrouter = try reader.flag()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "distributedvpcrouter": value.distributedvpcrouter = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "cidr", "created", "displaytext", "distributedvpcrouter", "dns1",
        "dns2", "domain", "domainid", "fordisplay", "hasannotations", "id",
        "ip6dns1", "ip6dns2", "jobid", "jobstatus", "name", "networkdomain",
        "project", "projectid", "publicmtu", "redundantvpcrouter", "regionlevelvpc", "restartrequired",
        "state", "tags", "vpcofferingid", "vpcofferingname", "zoneid", "zonename",
    ]
}

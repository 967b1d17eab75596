// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Zone {
    /// Decodes one `Zone` object, skipping unknown fields.
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
                case "dns1": value.dns1 = try reader.text()
                case "dns2": value.dns2 = try reader.text()
                case "name": value.name = try reader.text()
                case "tags": value.tags = try reader.objects(Tag.self)
                case "type": value.type = try reader.text()
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
                case "ip6dns1": value.ip6dns1 = try reader.text()
                case "ip6dns2": value.ip6dns2 = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "zonetoken": value.zonetoken = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "domainname": value.domainname = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "description": value.description = try reader.text()
                case "displaytext": value.displaytext = try reader.text()
                case "networktype": value.networktype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "dhcpprovider": value.dhcpprovider = try reader.text()
                case "internaldns1": value.internaldns1 = try reader.text()
                case "internaldns2": value.internaldns2 = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "allocationstate": value.allocationstate = try reader.text()
                case "resourcedetails": value.resourcedetails = try reader.textMap()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "guestcidraddress": value.guestcidraddress = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "localstorageenabled": value.localstorageenabled = try reader.flag()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "allowuserspecifyvrmtu": value.allowuserspecifyvrmtu = try reader.flag()
                case "securitygroupsenabled": value.securitygroupsenabled = try reader.flag()
                default: try reader.skip()
                }
            case 27:
                switch key {
                case "routerpublicinterfacemaxmtu": value.routerpublicinterfacemaxmtu = try reader.integer()
                default: try reader.skip()
                }
            case 28:
                switch key {
                case "routerprivateinterfacemaxmtu": value.routerprivateinterfacemaxmtu = try reader.integer()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "allocationstate", "allowuserspecifyvrmtu", "description", "dhcpprovider", "displaytext", "dns1",
        "dns2", "domain", "domainid", "domainname", "guestcidraddress", "hasannotations",
        "id", "internaldns1", "internaldns2", "ip6dns1", "ip6dns2", "jobid",
        "jobstatus", "localstorageenabled", "name", "networktype", "resourcedetails", "routerprivateinterfacemaxmtu",
        "routerpublicinterfacemaxmtu", "securitygroupsenabled", "tags", "type", "zonetoken",
    ]
}

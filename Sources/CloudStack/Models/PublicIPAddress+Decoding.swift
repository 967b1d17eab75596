// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension PublicIPAddress {
    /// Decodes one `PublicIPAddress` object, skipping unknown fields.
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
                case "tags": value.tags = try reader.objects(Tag.self)
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                case "vpcid": value.vpcid = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "vlanid": value.vlanid = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "project": value.project = try reader.text()
                case "purpose": value.purpose = try reader.text()
                case "vpcname": value.vpcname = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "issystem": value.issystem = try reader.flag()
                case "vlanname": value.vlanname = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "allocated": value.allocated = try reader.text()
                case "ipaddress": value.ipaddress = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "networkid": value.networkid = try reader.text()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "fordisplay": value.fordisplay = try reader.flag()
                case "isportable": value.isportable = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "issourcenat": value.issourcenat = try reader.flag()
                case "isstaticnat": value.isstaticnat = try reader.flag()
                case "networkname": value.networkname = try reader.text()
                case "vmipaddress": value.vmipaddress = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "virtualmachineid": value.virtualmachineid = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "forvirtualnetwork": value.forvirtualnetwork = try reader.flag()
                case "physicalnetworkid": value.physicalnetworkid = try reader.text()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "virtualmachinename": value.virtualmachinename = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "associatednetworkid": value.associatednetworkid = try reader.text()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "associatednetworkname": value.associatednetworkname = try reader.text()
                default: try reader.skip()
                }
            case 25:
                switch key {
                case "virtualmachinedisplayname": value.virtualmachinedisplayname = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "allocated", "associatednetworkid", "associatednetworkname", "domain", "domainid",
        "fordisplay", "forvirtualnetwork", "hasannotations", "id", "ipaddress", "isportable",
        "issourcenat", "isstaticnat", "issystem", "jobid", "jobstatus", "networkid",
        "networkname", "physicalnetworkid", "project", "projectid", "purpose", "state",
        "tags", "virtualmachinedisplayname", "virtualmachineid", "virtualmachinename", "vlanid", "vlanname",
        "vmipaddress", "vpcid", "vpcname", "zoneid", "zonename",
    ]
}

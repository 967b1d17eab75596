// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Template {
    /// Decodes one `Template` object, skipping unknown fields.
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
                case "url": value.url = try reader.text()
                default: try reader.skip()
                }
            case 4:
                switch key {
                case "bits": value.bits = try reader.integer()
                case "name": value.name = try reader.text()
                case "size": value.size = try reader.integer()
                case "tags": value.tags = try reader.objects(Tag.self)
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
                case "format": value.format = try reader.text()
                case "hostid": value.hostid = try reader.text()
                case "status": value.status = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                case "isready": value.isready = try reader.flag()
                case "project": value.project = try reader.text()
                case "removed": value.removed = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "bootable": value.bootable = try reader.flag()
                case "checksum": value.checksum = try reader.text()
                case "domainid": value.domainid = try reader.text()
                case "hostname": value.hostname = try reader.text()
                case "ispublic": value.ispublic = try reader.flag()
                case "ostypeid": value.ostypeid = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "accountid": value.accountid = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "crossZones": value.crossZones = try reader.flag()
                case "deployasis": value.deployasis = try reader.flag()
                case "hypervisor": value.hypervisor = try reader.text()
                case "isfeatured": value.isfeatured = try reader.flag()
                case "ostypename": value.ostypename = try reader.text()
                case "userdataid": value.userdataid = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                case "requireshvm": value.requireshvm = try reader.flag()
                case "templatetag": value.templatetag = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "physicalsize": value.physicalsize = try reader.integer()
                case "templatetype": value.templatetype = try reader.text()
                case "userdataname": value.userdataname = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "isextractable": value.isextractable = try reader.flag()
                case "sshkeyenabled": value.sshkeyenabled = try reader.flag()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "directdownload": value.directdownload = try reader.flag()
                case "hasannotations": value.hasannotations = try reader.flag()
                case "userdataparams": value.userdataparams = try reader.text()
                case "userdatapolicy": value.userdatapolicy = try reader.text()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "passwordenabled": value.passwordenabled = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "parenttemplateid": value.parenttemplateid = try reader.text()
                case "sourcetemplateid": value.sourcetemplateid = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "deployasisdetails": value.deployasisdetails = try reader.textMap()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "isdynamicallyscalable": value.isdynamicallyscalable = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "accountid", "bits", "bootable", "checksum", "created",
        "crossZones", "deployasis", "deployasisdetails", "details", "directdownload", "displaytext",
        "domain", "domainid", "format", "hasannotations", "hostid", "hostname",
        "hypervisor", "id", "isdynamicallyscalable", "isextractable", "isfeatured", "ispublic",
        "isready", "jobid", "jobstatus", "name", "ostypeid", "ostypename",
        "parenttemplateid", "passwordenabled", "physicalsize", "project", "projectid", "removed",
        "requireshvm", "size", "sourcetemplateid", "sshkeyenabled", "status", "tags",
        "templatetag", "templatetype", "url", "userdataid", "userdataname", "userdataparams",
        "userdatapolicy", "zoneid", "zonename",
    ]
}

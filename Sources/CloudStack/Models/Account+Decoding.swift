// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Account {
    /// Decodes one `Account` object, skipping unknown fields.
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
                case "user": value.user = try reader.objects(User.self)
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
                case "groups": value.groups = try reader.texts()
                case "roleid": value.roleid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "created": value.created = try reader.text()
                case "iplimit": value.iplimit = try reader.text()
                case "iptotal": value.iptotal = try reader.integer()
                case "vmlimit": value.vmlimit = try reader.text()
                case "vmtotal": value.vmtotal = try reader.integer()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cpulimit": value.cpulimit = try reader.text()
                case "cputotal": value.cputotal = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                case "rolename": value.rolename = try reader.text()
                case "roletype": value.roletype = try reader.text()
                case "vpclimit": value.vpclimit = try reader.text()
                case "vpctotal": value.vpctotal = try reader.integer()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "isdefault": value.isdefault = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "sentbytes": value.sentbytes = try reader.integer()
                case "vmrunning": value.vmrunning = try reader.integer()
                case "vmstopped": value.vmstopped = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "domainpath": value.domainpath = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "accounttype": value.accounttype = try reader.integer()
                case "ipavailable": value.ipavailable = try reader.text()
                case "memorylimit": value.memorylimit = try reader.text()
                case "memorytotal": value.memorytotal = try reader.integer()
                case "vmavailable": value.vmavailable = try reader.text()
                case "volumelimit": value.volumelimit = try reader.text()
                case "volumetotal": value.volumetotal = try reader.integer()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "cpuavailable": value.cpuavailable = try reader.text()
                case "networklimit": value.networklimit = try reader.text()
                case "networktotal": value.networktotal = try reader.integer()
                case "projectlimit": value.projectlimit = try reader.text()
                case "projecttotal": value.projecttotal = try reader.integer()
                case "vpcavailable": value.vpcavailable = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "defaultzoneid": value.defaultzoneid = try reader.text()
                case "networkdomain": value.networkdomain = try reader.text()
                case "receivedbytes": value.receivedbytes = try reader.integer()
                case "snapshotlimit": value.snapshotlimit = try reader.text()
                case "snapshottotal": value.snapshottotal = try reader.integer()
                case "templatelimit": value.templatelimit = try reader.text()
                case "templatetotal": value.templatetotal = try reader.integer()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "accountdetails": value.accountdetails = try reader.textMap()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "memoryavailable": value.memoryavailable = try reader.text()
                case "volumeavailable": value.volumeavailable = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "networkavailable": value.networkavailable = try reader.text()
                case "projectavailable": value.projectavailable = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "iscleanuprequired": value.iscleanuprequired = try reader.flag()
                case "snapshotavailable": value.snapshotavailable = try reader.text()
                case "templateavailable": value.templateavailable = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "primarystoragelimit": value.primarystoragelimit = try reader.text()
                case "primarystoragetotal": value.primarystoragetotal = try reader.integer()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "secondarystoragelimit": value.secondarystoragelimit = try reader.text()
                case "secondarystoragetotal": value.secondarystoragetotal = try reader.decimal()
                default: try reader.skip()
                }
            case 23:
                switch key {
                case "primarystorageavailable": value.primarystorageavailable = try reader.text()
                default: try reader.skip()
                }
            case 25:
                switch key {
                case "secondarystorageavailable": value.secondarystorageavailable = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "accountdetails", "accounttype", "cpuavailable", "cpulimit", "cputotal", "created",
        "defaultzoneid", "domain", "domainid", "domainpath", "groups", "id",
        "ipavailable", "iplimit", "iptotal", "iscleanuprequired", "isdefault", "jobid",
        "jobstatus", "memoryavailable", "memorylimit", "memorytotal", "name", "networkavailable",
        "networkdomain", "networklimit", "networktotal", "primarystorageavailable", "primarystoragelimit", "primarystoragetotal",
        "projectavailable", "projectlimit", "projecttotal", "receivedbytes", "roleid", "rolename",
        "roletype", "secondarystorageavailable", "secondarystoragelimit", "secondarystoragetotal", "sentbytes", "snapshotavailable",
        "snapshotlimit", "snapshottotal", "state", "templateavailable", "templatelimit", "templatetotal",
        "user", "vmavailable", "vmlimit", "vmrunning", "vmstopped", "vmtotal",
        "volumeavailable", "volumelimit", "volumetotal", "vpcavailable", "vpclimit", "vpctotal",
    ]
}

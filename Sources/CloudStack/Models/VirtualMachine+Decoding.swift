// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension VirtualMachine {
    /// Decodes one `VirtualMachine` object, skipping unknown fields.
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
                case "nic": value.nic = try reader.objects(Nic.self)
                default: try reader.skip()
                }
            case 4:
                switch key {
                case "name": value.name = try reader.text()
                case "tags": value.tags = try reader.objects(Tag.self)
                case "vgpu": value.vgpu = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "group": value.group = try reader.text()
                case "isoid": value.isoid = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "hostid": value.hostid = try reader.text()
                case "memory": value.memory = try reader.integer()
                case "userid": value.userid = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "cpuused": value.cpuused = try reader.text()
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                case "groupid": value.groupid = try reader.text()
                case "isoname": value.isoname = try reader.text()
                case "project": value.project = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "bootmode": value.bootmode = try reader.text()
                case "boottype": value.boottype = try reader.text()
                case "cpuspeed": value.cpuspeed = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                case "haenable": value.haenable = try reader.flag()
                case "hostname": value.hostname = try reader.text()
                case "keypairs": value.keypairs = try reader.text()
                case "ostypeid": value.ostypeid = try reader.text()
                case "password": value.password = try reader.text()
                case "pooltype": value.pooltype = try reader.text()
                case "publicip": value.publicip = try reader.text()
                case "userdata": value.userdata = try reader.text()
                case "username": value.username = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "cpunumber": value.cpunumber = try reader.integer()
                case "displayvm": value.displayvm = try reader.flag()
                case "guestosid": value.guestosid = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "memorykbs": value.memorykbs = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                case "sentbytes": value.sentbytes = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "diskioread": value.diskioread = try reader.integer()
                case "hypervisor": value.hypervisor = try reader.text()
                case "publicipid": value.publicipid = try reader.text()
                case "templateid": value.templateid = try reader.text()
                case "userdataid": value.userdataid = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "diskiowrite": value.diskiowrite = try reader.integer()
                case "diskkbsread": value.diskkbsread = try reader.integer()
                case "displayname": value.displayname = try reader.text()
                case "lastupdated": value.lastupdated = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "diskkbswrite": value.diskkbswrite = try reader.integer()
                case "instancename": value.instancename = try reader.text()
                case "rootdeviceid": value.rootdeviceid = try reader.integer()
                case "servicestate": value.servicestate = try reader.text()
                case "templatename": value.templatename = try reader.text()
                case "userdataname": value.userdataname = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "affinitygroup": value.affinitygroup = try reader.objects(AffinityGroup.self)
                case "osdisplayname": value.osdisplayname = try reader.text()
                case "receivedbytes": value.receivedbytes = try reader.integer()
                case "securitygroup": value.securitygroup = try reader.objects(SecurityGroup.self)
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "diskofferingid": value.diskofferingid = try reader.text()
                case "hasannotations": value.hasannotations = try reader.flag()
                case "isodisplaytext": value.isodisplaytext = try reader.text()
                case "networkkbsread": value.networkkbsread = try reader.integer()
                case "rootdevicetype": value.rootdevicetype = try reader.text()
                case "userdatapolicy": value.userdatapolicy = try reader.text()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "memorytargetkbs": value.memorytargetkbs = try reader.integer()
                case "networkkbswrite": value.networkkbswrite = try reader.integer()
                case "passwordenabled": value.passwordenabled = try reader.flag()
                case "readonlydetails": value.readonlydetails = try reader.text()
                case "userdatadetails": value.userdatadetails = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "backupofferingid": value.backupofferingid = try reader.text()
                case "diskofferingname": value.diskofferingname = try reader.text()
                case "hostcontrolstate": value.hostcontrolstate = try reader.text()
                case "memoryintfreekbs": value.memoryintfreekbs = try reader.integer()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "forvirtualnetwork": value.forvirtualnetwork = try reader.flag()
                case "serviceofferingid": value.serviceofferingid = try reader.text()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "autoscalevmgroupid": value.autoscalevmgroupid = try reader.text()
                case "backupofferingname": value.backupofferingname = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "serviceofferingname": value.serviceofferingname = try reader.text()
                case "templatedisplaytext": value.templatedisplaytext = try reader.text()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "autoscalevmgroupname": value.autoscalevmgroupname = try reader.text()
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
        "account", "affinitygroup", "autoscalevmgroupid", "autoscalevmgroupname", "backupofferingid", "backupofferingname",
        "bootmode", "boottype", "cpunumber", "cpuspeed", "cpuused", "created",
        "details", "diskioread", "diskiowrite", "diskkbsread", "diskkbswrite", "diskofferingid",
        "diskofferingname", "displayname", "displayvm", "domain", "domainid", "forvirtualnetwork",
        "group", "groupid", "guestosid", "haenable", "hasannotations", "hostcontrolstate",
        "hostid", "hostname", "hypervisor", "id", "instancename", "isdynamicallyscalable",
        "isodisplaytext", "isoid", "isoname", "jobid", "jobstatus", "keypairs",
        "lastupdated", "memory", "memoryintfreekbs", "memorykbs", "memorytargetkbs", "name",
        "networkkbsread", "networkkbswrite", "nic", "osdisplayname", "ostypeid", "password",
        "passwordenabled", "pooltype", "project", "projectid", "publicip", "publicipid",
        "readonlydetails", "receivedbytes", "rootdeviceid", "rootdevicetype", "securitygroup", "sentbytes",
        "serviceofferingid", "serviceofferingname", "servicestate", "state", "tags", "templatedisplaytext",
        "templateid", "templatename", "userdata", "userdatadetails", "userdataid", "userdataname",
        "userdatapolicy", "userid", "username", "vgpu", "zoneid", "zonename",
    ]
}

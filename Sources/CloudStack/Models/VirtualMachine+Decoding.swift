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
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "group": value.group = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "memory": value.memory = try reader.integer()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                case "groupid": value.groupid = try reader.text()
                case "project": value.project = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cpuspeed": value.cpuspeed = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                case "hostname": value.hostname = try reader.text()
                case "keypairs": value.keypairs = try reader.text()
                case "ostypeid": value.ostypeid = try reader.text()
                case "publicip": value.publicip = try reader.text()
                case "userdata": value.userdata = try reader.text()
                case "username": value.username = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "cpunumber": value.cpunumber = try reader.integer()
                case "guestosid": value.guestosid = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "hypervisor": value.hypervisor = try reader.text()
                case "templateid": value.templateid = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displayname": value.displayname = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "templatename": value.templatename = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "affinitygroup": value.affinitygroup = try reader.objects(AffinityGroup.self)
                case "securitygroup": value.securitygroup = try reader.objects(SecurityGroup.self)
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "passwordenabled": value.passwordenabled = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "diskofferingname": value.diskofferingname = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "serviceofferingid": value.serviceofferingid = try reader.text()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "serviceofferingname": value.serviceofferingname = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "affinitygroup", "cpunumber", "cpuspeed", "created", "details",
        "diskofferingname", "displayname", "domain", "domainid", "group", "groupid",
        "guestosid", "hostname", "hypervisor", "id", "jobid", "jobstatus",
        "keypairs", "memory", "name", "nic", "ostypeid", "passwordenabled",
        "project", "publicip", "securitygroup", "serviceofferingid", "serviceofferingname", "state",
        "tags", "templateid", "templatename", "userdata", "username", "zoneid",
        "zonename",
    ]
}

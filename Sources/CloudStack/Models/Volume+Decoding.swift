// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Volume {
    /// Decodes one `Volume` object, skipping unknown fields.
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
                case "path": value.path = try reader.text()
                case "size": value.size = try reader.integer()
                case "tags": value.tags = try reader.objects(Tag.self)
                case "type": value.type = try reader.text()
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
                case "status": value.status = try reader.text()
                case "vmname": value.vmname = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "project": value.project = try reader.text()
                case "storage": value.storage = try reader.text()
                case "vmstate": value.vmstate = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "attached": value.attached = try reader.text()
                case "deviceid": value.deviceid = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                case "zonename": value.zonename = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "hypervisor": value.hypervisor = try reader.text()
                case "snapshotid": value.snapshotid = try reader.text()
                case "templateid": value.templateid = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "physicalsize": value.physicalsize = try reader.integer()
                case "templatename": value.templatename = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "diskofferingid": value.diskofferingid = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "diskofferingname": value.diskofferingname = try reader.text()
                case "virtualmachineid": value.virtualmachineid = try reader.text()
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
        "account", "attached", "created", "deviceid", "diskofferingid", "diskofferingname",
        "domain", "domainid", "hypervisor", "id", "jobid", "jobstatus",
        "name", "path", "physicalsize", "project", "serviceofferingid", "serviceofferingname",
        "size", "snapshotid", "state", "status", "storage", "tags",
        "templateid", "templatename", "type", "virtualmachineid", "vmname", "vmstate",
        "zoneid", "zonename",
    ]
}

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
                case "isoid": value.isoid = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "podid": value.podid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "domain": value.domain = try reader.text()
                case "status": value.status = try reader.text()
                case "vmname": value.vmname = try reader.text()
                case "vmtype": value.vmtype = try reader.text()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "isoname": value.isoname = try reader.text()
                case "maxiops": value.maxiops = try reader.integer()
                case "miniops": value.miniops = try reader.integer()
                case "podname": value.podname = try reader.text()
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
                case "chaininfo": value.chaininfo = try reader.text()
                case "clusterid": value.clusterid = try reader.text()
                case "destroyed": value.destroyed = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                case "quiescevm": value.quiescevm = try reader.flag()
                case "storageid": value.storageid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "diskioread": value.diskioread = try reader.integer()
                case "hypervisor": value.hypervisor = try reader.text()
                case "snapshotid": value.snapshotid = try reader.text()
                case "templateid": value.templateid = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "clustername": value.clustername = try reader.text()
                case "diskiowrite": value.diskiowrite = try reader.integer()
                case "diskkbsread": value.diskkbsread = try reader.integer()
                case "storagetype": value.storagetype = try reader.text()
                case "utilization": value.utilization = try reader.text()
                case "virtualsize": value.virtualsize = try reader.integer()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "diskkbswrite": value.diskkbswrite = try reader.integer()
                case "externaluuid": value.externaluuid = try reader.text()
                case "physicalsize": value.physicalsize = try reader.integer()
                case "templatename": value.templatename = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "displayvolume": value.displayvolume = try reader.flag()
                case "isextractable": value.isextractable = try reader.flag()
                case "vmdisplayname": value.vmdisplayname = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "diskofferingid": value.diskofferingid = try reader.text()
                case "hasannotations": value.hasannotations = try reader.flag()
                case "isodisplaytext": value.isodisplaytext = try reader.text()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "diskIopsReadRate": value.diskIopsReadRate = try reader.integer()
                case "diskofferingname": value.diskofferingname = try reader.text()
                case "provisioningtype": value.provisioningtype = try reader.text()
                case "virtualmachineid": value.virtualmachineid = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "diskBytesReadRate": value.diskBytesReadRate = try reader.integer()
                case "diskIopsWriteRate": value.diskIopsWriteRate = try reader.integer()
                case "serviceofferingid": value.serviceofferingid = try reader.text()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "diskBytesWriteRate": value.diskBytesWriteRate = try reader.integer()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "serviceofferingname": value.serviceofferingname = try reader.text()
                case "templatedisplaytext": value.templatedisplaytext = try reader.text()
                default: try reader.skip()
                }
            case 23:
                switch key {
                case "diskofferingdisplaytext": value.diskofferingdisplaytext = try reader.text()
                case "supportsstoragesnapshot": value.supportsstoragesnapshot = try reader.flag()
                default: try reader.skip()
                }
            case 26:
                switch key {
                case "serviceofferingdisplaytext": value.serviceofferingdisplaytext = try reader.text()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "attached", "chaininfo", "clusterid", "clustername", "created",
        "destroyed", "deviceid", "diskBytesReadRate", "diskBytesWriteRate", "diskIopsReadRate", "diskIopsWriteRate",
        "diskioread", "diskiowrite", "diskkbsread", "diskkbswrite", "diskofferingdisplaytext", "diskofferingid",
        "diskofferingname", "displayvolume", "domain", "domainid", "externaluuid", "hasannotations",
        "hypervisor", "id", "isextractable", "isodisplaytext", "isoid", "isoname",
        "jobid", "jobstatus", "maxiops", "miniops", "name", "path",
        "physicalsize", "podid", "podname", "project", "projectid", "provisioningtype",
        "quiescevm", "serviceofferingdisplaytext", "serviceofferingid", "serviceofferingname", "size", "snapshotid",
        "state", "status", "storage", "storageid", "storagetype", "supportsstoragesnapshot",
        "tags", "templatedisplaytext", "templateid", "templatename", "type", "utilization",
        "virtualmachineid", "virtualsize", "vmdisplayname", "vmname", "vmstate", "vmtype",
        "zoneid", "zonename",
    ]
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension ServiceOffering {
    /// Decodes one `ServiceOffering` object, skipping unknown fields.
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
                case "zone": value.zone = try reader.text()
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
                case "memory": value.memory = try reader.integer()
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "created": value.created = try reader.text()
                case "maxiops": value.maxiops = try reader.integer()
                case "miniops": value.miniops = try reader.integer()
                case "offerha": value.offerha = try reader.flag()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "cpuspeed": value.cpuspeed = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                case "hosttags": value.hosttags = try reader.text()
                case "issystem": value.issystem = try reader.flag()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "cacheMode": value.cacheMode = try reader.text()
                case "cpunumber": value.cpunumber = try reader.integer()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "defaultuse": value.defaultuse = try reader.flag()
                case "isvolatile": value.isvolatile = try reader.flag()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                case "encryptroot": value.encryptroot = try reader.flag()
                case "limitcpuuse": value.limitcpuuse = try reader.flag()
                case "networkrate": value.networkrate = try reader.integer()
                case "storagetags": value.storagetags = try reader.text()
                case "storagetype": value.storagetype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "iscustomized": value.iscustomized = try reader.flag()
                case "rootdisksize": value.rootdisksize = try reader.integer()
                case "systemvmtype": value.systemvmtype = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "diskofferingid": value.diskofferingid = try reader.text()
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "diskIopsReadRate": value.diskIopsReadRate = try reader.integer()
                case "diskofferingname": value.diskofferingname = try reader.text()
                case "iscustomizediops": value.iscustomizediops = try reader.flag()
                case "provisioningtype": value.provisioningtype = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "deploymentplanner": value.deploymentplanner = try reader.text()
                case "diskBytesReadRate": value.diskBytesReadRate = try reader.integer()
                case "diskIopsWriteRate": value.diskIopsWriteRate = try reader.integer()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "diskBytesWriteRate": value.diskBytesWriteRate = try reader.integer()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "diskIopsReadRateMax": value.diskIopsReadRateMax = try reader.integer()
                default: try reader.skip()
                }
            case 20:
                switch key {
                case "diskBytesReadRateMax": value.diskBytesReadRateMax = try reader.integer()
                case "diskIopsWriteRateMax": value.diskIopsWriteRateMax = try reader.integer()
                case "vspherestoragepolicy": value.vspherestoragepolicy = try reader.text()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "diskBytesWriteRateMax": value.diskBytesWriteRateMax = try reader.integer()
                case "dynamicscalingenabled": value.dynamicscalingenabled = try reader.flag()
                default: try reader.skip()
                }
            case 22:
                switch key {
                case "diskofferingstrictness": value.diskofferingstrictness = try reader.flag()
                case "serviceofferingdetails": value.serviceofferingdetails = try reader.textMap()
                default: try reader.skip()
                }
            case 23:
                switch key {
                case "diskofferingdisplaytext": value.diskofferingdisplaytext = try reader.text()
                default: try reader.skip()
                }
            case 25:
                switch key {
                case "diskIopsReadRateMaxLength": value.diskIopsReadRateMaxLength = try reader.integer()
                case "hypervisorsnapshotreserve": value.hypervisorsnapshotreserve = try reader.integer()
                default: try reader.skip()
                }
            case 26:
                switch key {
                case "diskBytesReadRateMaxLength": value.diskBytesReadRateMaxLength = try reader.integer()
                case "diskIopsWriteRateMaxLength": value.diskIopsWriteRateMaxLength = try reader.integer()
                default: try reader.skip()
                }
            case 27:
                switch key {
                case "diskBytesWriteRateMaxLength": value.diskBytesWriteRateMaxLength = try reader.integer()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "cacheMode", "cpunumber", "cpuspeed", "created", "defaultuse", "deploymentplanner",
        "diskBytesReadRate", "diskBytesReadRateMax", "diskBytesReadRateMaxLength", "diskBytesWriteRate", "diskBytesWriteRateMax",
        "diskBytesWriteRateMaxLength",
        "diskIopsReadRate", "diskIopsReadRateMax", "diskIopsReadRateMaxLength", "diskIopsWriteRate", "diskIopsWriteRateMax",
        "diskIopsWriteRateMaxLength",
        "diskofferingdisplaytext", "diskofferingid", "diskofferingname", "diskofferingstrictness", "displaytext", "domain",
        "domainid", "dynamicscalingenabled", "encryptroot", "hasannotations", "hosttags", "hypervisorsnapshotreserve",
        "id", "iscustomized", "iscustomizediops", "issystem", "isvolatile", "jobid",
        "jobstatus", "limitcpuuse", "maxiops", "memory", "miniops", "name",
        "networkrate", "offerha", "provisioningtype", "rootdisksize", "serviceofferingdetails", "storagetags",
        "storagetype", "systemvmtype", "vspherestoragepolicy", "zone", "zoneid",
    ]
}

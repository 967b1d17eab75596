// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension DiskOffering {
    /// Decodes one `DiskOffering` object, skipping unknown fields.
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
                case "tags": value.tags = try reader.text()
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
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "created": value.created = try reader.text()
                case "details": value.details = try reader.textMap()
                case "encrypt": value.encrypt = try reader.flag()
                case "maxiops": value.maxiops = try reader.integer()
                case "miniops": value.miniops = try reader.integer()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "disksize": value.disksize = try reader.integer()
                case "domainid": value.domainid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "cacheMode": value.cacheMode = try reader.text()
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "displaytext": value.displaytext = try reader.text()
                case "storagetype": value.storagetype = try reader.text()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "iscustomized": value.iscustomized = try reader.flag()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            case 15:
                switch key {
                case "displayoffering": value.displayoffering = try reader.flag()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "diskIopsReadRate": value.diskIopsReadRate = try reader.integer()
                case "iscustomizediops": value.iscustomizediops = try reader.flag()
                case "provisioningtype": value.provisioningtype = try reader.text()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "diskBytesReadRate": value.diskBytesReadRate = try reader.integer()
                case "diskIopsWriteRate": value.diskIopsWriteRate = try reader.integer()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "diskBytesWriteRate": value.diskBytesWriteRate = try reader.integer()
                case "disksizestrictness": value.disksizestrictness = try reader.flag()
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
        "cacheMode", "created", "details", "diskBytesReadRate", "diskBytesReadRateMax", "diskBytesReadRateMaxLength",
        "diskBytesWriteRate", "diskBytesWriteRateMax", "diskBytesWriteRateMaxLength", "diskIopsReadRate", "diskIopsReadRateMax",
        "diskIopsReadRateMaxLength",
        "diskIopsWriteRate", "diskIopsWriteRateMax", "diskIopsWriteRateMaxLength", "disksize", "disksizestrictness", "displayoffering",
        "displaytext", "domain", "domainid", "encrypt", "hasannotations", "hypervisorsnapshotreserve",
        "id", "iscustomized", "iscustomizediops", "jobid", "jobstatus", "maxiops",
        "miniops", "name", "provisioningtype", "storagetype", "tags", "vspherestoragepolicy",
        "zone", "zoneid",
    ]
}

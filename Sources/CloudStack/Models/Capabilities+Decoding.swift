// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

extension Capabilities {
    /// Decodes one `Capabilities` object, skipping unknown fields.
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
            case 5:
                switch key {
                case "jobid": value.jobid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "supportELB": value.supportELB = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "apilimitmax": value.apilimitmax = try reader.integer()
                default: try reader.skip()
                }
            case 16:
                switch key {
                case "apilimitinterval": value.apilimitinterval = try reader.integer()
                default: try reader.skip()
                }
            case 17:
                switch key {
                case "cloudstackversion": value.cloudstackversion = try reader.text()
                case "defaultuipagesize": value.defaultuipagesize = try reader.integer()
                default: try reader.skip()
                }
            case 18:
                switch key {
                case "kvmsnapshotenabled": value.kvmsnapshotenabled = try reader.flag()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "dynamicrolesenabled": value.dynamicrolesenabled = try reader.flag()
                default: try reader.skip()
                }
            case 21:
                switch key {
                case "projectinviterequired": value.projectinviterequired = try reader.flag()
                case "securitygroupsenabled": value.securitygroupsenabled = try reader.flag()
                default: try reader.skip()
                }
            case 22:
                switch key {
                case "instancesstatsuseronly": value.instancesstatsuseronly = try reader.flag()
                case "regionsecondaryenabled": value.regionsecondaryenabled = try reader.flag()
                default: try reader.skip()
                }
            case 23:
                switch key {
                case "allowusercreateprojects": value.allowusercreateprojects = try reader.flag()
                default: try reader.skip()
                }
            case 24:
                switch key {
                case "allowuserviewdestroyedvm": value.allowuserviewdestroyedvm = try reader.flag()
                case "kubernetesserviceenabled": value.kubernetesserviceenabled = try reader.flag()
                default: try reader.skip()
                }
            case 25:
                switch key {
                case "allowuserexpungerecovervm": value.allowuserexpungerecovervm = try reader.flag()
                case "customdiskofferingmaxsize": value.customdiskofferingmaxsize = try reader.integer()
                case "customdiskofferingminsize": value.customdiskofferingminsize = try reader.integer()
                case "userpublictemplateenabled": value.userpublictemplateenabled = try reader.flag()
                default: try reader.skip()
                }
            case 27:
                switch key {
                case "instancesstatsretentiontime": value.instancesstatsretentiontime = try reader.integer()
                default: try reader.skip()
                }
            case 29:
                switch key {
                case "allowuserexpungerecovervolume": value.allowuserexpungerecovervolume = try reader.flag()
                default: try reader.skip()
                }
            case 30:
                switch key {
                case "allowuserviewalldomainaccounts": value.allowuserviewalldomainaccounts = try reader.flag()
                default: try reader.skip()
                }
            case 32:
                switch key {
                case "instancesdisksstatsretentiontime": value.instancesdisksstatsretentiontime = try reader.integer()
                default: try reader.skip()
                }
            case 35:
                switch key {
                case "instancesdisksstatsretentionenabled": value.instancesdisksstatsretentionenabled = try reader.flag()
                default: try reader.skip()
                }
            case 44:
                switch key {
                case "kubernetesclusterexperimentalfeaturesenabled": value.kubernetesclusterexperimentalfeaturesenabled = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "allowusercreateprojects", "allowuserexpungerecovervm", "allowuserexpungerecovervolume", "allowuserviewalldomainaccounts",
        "allowuserviewdestroyedvm", "apilimitinterval",
        "apilimitmax", "cloudstackversion", "customdiskofferingmaxsize", "customdiskofferingminsize", "defaultuipagesize",
        "dynamicrolesenabled",
        "instancesdisksstatsretentionenabled", "instancesdisksstatsretentiontime", "instancesstatsretentiontime", "instancesstatsuseronly",
        "jobid", "jobstatus",
        "kubernetesclusterexperimentalfeaturesenabled", "kubernetesserviceenabled", "kvmsnapshotenabled", "projectinviterequired",
        "regionsecondaryenabled", "securitygroupsenabled",
        "supportELB", "userpublictemplateenabled",
    ]
}

// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A volume snapshot (`snapshot` in listSnapshots and createSnapshot results).
public struct Snapshot: CloudStackDecodable, Equatable {
    /// `account`: the account associated with the snapshot
    public var account: String?
    /// `created`: the date the snapshot was created
    public var created: String?
    /// `domain`: the domain name of the snapshot's account
    public var domain: String?
    /// `domainid`: the domain ID of the snapshot's account
    public var domainid: String?
    /// `hasannotations`: true if the entity/resource has annotations
    public var hasannotations: Bool?
    /// `id`: ID of the snapshot
    public var id: String?
    /// `intervaltype`: valid types are hourly, daily, weekly, monthy, template, and none.
    public var intervaltype: String?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `locationtype`: valid location types are primary and secondary.
    public var locationtype: String?
    /// `name`: name of the snapshot
    public var name: String?
    /// `osdisplayname`: display name of the os on volume
    public var osdisplayname: String?
    /// `ostypeid`: id of the os on volume
    public var ostypeid: String?
    /// `physicalsize`: physical size of backedup snapshot on image store
    public var physicalsize: Int64?
    /// `project`: the project name of the snapshot
    public var project: String?
    /// `projectid`: the project id of the snapshot
    public var projectid: String?
    /// `revertable`: indicates whether the underlying storage supports reverting the volume to this snapshot
    public var revertable: Bool?
    /// `snapshottype`: the type of the snapshot
    public var snapshottype: String?
    /// `state`: the state of the snapshot. BackedUp means that snapshot is ready to be used; Creating - the snapshot is being allocated on the primary storage; BackingUp - the snapshot is being backed up on secondary storage
    public var state: String?
    /// `tags`: the list of resource tags associated
    public var tags: [Tag] = []
    /// `virtualsize`: virtual size of backedup snapshot on image store
    public var virtualsize: Int64?
    /// `volumeid`: ID of the disk volume
    public var volumeid: String?
    /// `volumename`: name of the disk volume
    public var volumename: String?
    /// `volumetype`: type of the disk volume
    public var volumetype: String?
    /// `zoneid`: id of the availability zone
    public var zoneid: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension Snapshot {
    /// Decodes one `Snapshot` object, skipping unknown fields.
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
                case "tags": value.tags = try reader.objects(Tag.self)
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
                case "zoneid": value.zoneid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                case "project": value.project = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "ostypeid": value.ostypeid = try reader.text()
                case "volumeid": value.volumeid = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "jobstatus": value.jobstatus = try reader.integer()
                case "projectid": value.projectid = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "revertable": value.revertable = try reader.flag()
                case "volumename": value.volumename = try reader.text()
                case "volumetype": value.volumetype = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "virtualsize": value.virtualsize = try reader.integer()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "intervaltype": value.intervaltype = try reader.text()
                case "locationtype": value.locationtype = try reader.text()
                case "physicalsize": value.physicalsize = try reader.integer()
                case "snapshottype": value.snapshottype = try reader.text()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "osdisplayname": value.osdisplayname = try reader.text()
                default: try reader.skip()
                }
            case 14:
                switch key {
                case "hasannotations": value.hasannotations = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "created", "domain", "domainid", "hasannotations", "id",
        "intervaltype", "jobid", "jobstatus", "locationtype", "name", "osdisplayname",
        "ostypeid", "physicalsize", "project", "projectid", "revertable", "snapshottype",
        "state", "tags", "virtualsize", "volumeid", "volumename", "volumetype",
        "zoneid",
    ]
}

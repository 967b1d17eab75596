public import JSON

/// The immediate answer of an async command: the job to poll and, for create commands, the new entity's id.
public struct AsyncJobReceipt: CloudStackDecodable, Equatable {
    /// `jobid`: the job to poll with queryAsyncJobResult.
    public var jobid: String = ""
    /// `id`: the entity created synchronously before the job was queued (deploy, createVolume, …).
    public var id: String?

    /// Creates a receipt.
    public init(jobid: String = "", id: String? = nil) {
        self.jobid = jobid
        self.id = id
    }

    /// Decodes `{"jobid":…,"id":…}`.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "jobid": value.jobid = try reader.text() ?? ""
            case "id": value.id = try reader.text()
            default: try reader.skip()
            }
        }
    }
}

public import JSON

/// An async job as queryAsyncJobResult and listAsyncJobs (`asyncjobs`) report it.
///
/// `jobresult` is kept as its raw JSON bytes and decoded on demand by `result(_:named:)`, `success`
/// or `failure`, because its shape depends on the command that started the job.
public struct AsyncJob: CloudStackDecodable, Equatable {
    /// `jobstatus` values (`JobInfo.Status`).
    public enum Status: Int64, Sendable {
        /// 0: still running.
        case inProgress = 0
        /// 1: finished; `jobresult` holds the result.
        case succeeded = 1
        /// 2: failed; `jobresult` holds `errorcode`/`errortext`.
        case failed = 2
        /// 3: cancelled.
        case cancelled = 3
    }

    /// `accountid`: the account that executed the async command
    public var accountid: String?
    /// `cmd`: the async command executed (a Java class name)
    public var cmd: String?
    /// `completed`: the completed date of the job
    public var completed: String?
    /// `created`: the created date of the job
    public var created: String?
    /// `jobid`: the job's id
    public var jobid: String?
    /// `jobinstanceid`: the unique ID of the instance/entity object related to the job
    public var jobinstanceid: String?
    /// `jobinstancetype`: the instance/entity object related to the job
    public var jobinstancetype: String?
    /// `jobprocstatus`: the progress information of the PENDING job
    public var jobprocstatus: Int64?
    /// `jobresult`: the result reason, as raw JSON bytes
    public var jobresult: [UInt8]?
    /// `jobresultcode`: the result code for the job (the error's HTTP code on failure)
    public var jobresultcode: Int64?
    /// `jobresulttype`: the result type
    public var jobresulttype: String?
    /// `jobstatus`: the current job status: 0 in progress, 1 succeeded, 2 failed, 3 cancelled
    public var jobstatus: Int64?
    /// `userid`: the user that executed the async command
    public var userid: String?

    /// Creates a value with every field absent.
    public init() {}

    /// The typed `jobstatus`, `nil` when absent or unknown.
    public var status: Status? { jobstatus.flatMap(Status.init(rawValue:)) }

    /// Decodes one job object.
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
            case "accountid": value.accountid = try reader.text()
            case "cmd": value.cmd = try reader.text()
            case "completed": value.completed = try reader.text()
            case "created": value.created = try reader.text()
            case "jobid": value.jobid = try reader.text()
            case "jobinstanceid": value.jobinstanceid = try reader.text()
            case "jobinstancetype": value.jobinstancetype = try reader.text()
            case "jobprocstatus": value.jobprocstatus = try reader.integer()
            case "jobresult": value.jobresult = try reader.rawValue()
            case "jobresultcode": value.jobresultcode = try reader.integer()
            case "jobresulttype": value.jobresulttype = try reader.text()
            case "jobstatus": value.jobstatus = try reader.integer()
            case "userid": value.userid = try reader.text()
            default: try reader.skip()
            }
        }
    }

    /// Decodes the object named `name` inside `jobresult`, e.g. `virtualmachine`; `nil` if absent.
    public func result<T: CloudStackDecodable>(_ type: T.Type, named name: String) throws(JSONError) -> T? {
        guard let jobresult else { return nil }
        return try JSONReader.read(jobresult) { (reader: inout JSONReader) throws(JSONError) -> T? in
            try reader.namedObject(name, T.self)
        }
    }

    /// `jobresult` read as a success response (`{"success":true}`), `nil` if absent or not an object.
    public var success: SuccessResult? {
        guard let jobresult else { return nil }
        return try? JSONReader.read(jobresult) { (reader: inout JSONReader) throws(JSONError) -> SuccessResult? in
            try reader.nextKind() == .object ? SuccessResult.decode(from: &reader) : nil
        }
    }

    /// `jobresult` of a failed job: `{"errorcode":…,"errortext":…}`; `nil` if absent.
    public var failure: (errorcode: Int64?, errortext: String?)? {
        guard let jobresult else { return nil }
        return try? JSONReader.read(jobresult) { (reader: inout JSONReader) throws(JSONError) -> (Int64?, String?)? in
            guard try reader.nextKind() == .object else { return nil }
            var code: Int64?
            var text: String?
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "errorcode": code = try reader.integer()
                case "errortext": text = try reader.text()
                default: try reader.skip()
                }
            }
            return (code, text)
        }
    }
}

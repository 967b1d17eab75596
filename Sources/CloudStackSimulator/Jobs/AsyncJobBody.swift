import JSON

/// Writes `AsyncJobResponse` in Gson order (`queryAsyncJobResult` inline, `listAsyncJobs` items).
enum AsyncJobBody {
    /// `{"errorcode":N,"errortext":"…"}`, the only content of a failed job's `jobresult`.
    static func failure(code: Int, text: String) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 128)
        w.beginObject()
        w.member("errorcode", code)
        w.member("errortext", text)
        w.endObject()
        return w.take()
    }

    /// `{"success":true}`.
    static let success: [UInt8] = Array("{\"success\":true}".utf8)

    /// Writes the job's members (the caller opens and closes the object).
    static func members(_ job: AsyncJob, into w: inout JSONWriter) {
        w.member("accountid", job.accountID)
        w.member("userid", job.userID)
        w.member("cmd", job.commandClass)
        w.member("jobstatus", job.status)
        w.member("jobprocstatus", 0)
        w.member("jobresultcode", job.resultCode)
        if let result = job.result {
            w.member("jobresulttype", "object")
            w.key("jobresult")
            w.raw(result)
        }
        if let type = job.instanceType { w.member("jobinstancetype", type) }
        if let instance = job.instanceID { w.member("jobinstanceid", instance) }
        w.member("created", DateText.format(job.created))
        if let completed = job.completed { w.member("completed", DateText.format(completed)) }
        w.member("jobid", job.id)
    }
}

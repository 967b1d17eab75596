import JSON

extension Call {
    /// Queues an async job for this command and writes the immediate reply:
    /// `{"jobid":…}`, or `{"id":…,"jobid":…}` for `BaseAsyncCreateCmd` commands (`createdID`).
    func startJob(
        _ world: inout World, into w: inout JSONWriter, instanceType: String?, instanceID: String?,
        createdID: String? = nil, sync: String? = nil,
        begin: @escaping @Sendable (inout World) -> Void = { _ in },
        finish: @escaping @Sendable (inout World, Int64) throws -> [UInt8]
    ) -> String {
        let jobID = world.startJob(
            caller: caller, commandClass: JavaClass.name(command, admin: caller.isAdmin), instanceType: instanceType,
            instanceID: instanceID, syncObject: sync ?? instanceID, now: nowNanos, duration: jobNanos,
            work: AsyncJob.Work(begin: begin, finish: finish))
        w.beginObject()
        if let createdID { w.member("id", createdID) }
        w.member("jobid", jobID)
        w.endObject()
        return jobID
    }
}

/// Writes one named object as a job result: `{"<name>":{…}}`.
func jobResult(_ name: StaticString, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
    var w = JSONWriter(reservingCapacity: 2048)
    w.beginObject()
    w.key(name)
    body(&w)
    w.endObject()
    return w.take()
}

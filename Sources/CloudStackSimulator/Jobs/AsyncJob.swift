/// One async job: queued behind earlier jobs on the same object, run lazily as the clock passes.
struct AsyncJob: Sendable {
    /// What the job does when it starts (e.g. `Stopped→Starting`) and when it ends.
    struct Work: Sendable {
        /// Applied when the job starts: transitional states.
        var begin: @Sendable (inout World) -> Void
        /// Applied when the job ends: final states; returns the `jobresult` object or throws.
        var finish: @Sendable (inout World, Int64) throws -> [UInt8]
    }

    var id: String
    var accountID: String
    var userID: String
    /// The Java command class, as `cmd` shows it.
    var commandClass: String
    var instanceType: String?
    var instanceID: String?
    var created: Int64
    var startNanos: UInt64
    var endNanos: UInt64
    var started = false
    /// 0 in progress, 1 succeeded, 2 failed.
    var status = 0
    var resultCode = 0
    /// The `jobresult` JSON value once finished.
    var result: [UInt8]?
    var completed: Int64?
    var work: Work?
}

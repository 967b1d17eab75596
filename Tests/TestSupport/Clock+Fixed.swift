public import Pipeline

extension Clock {
    /// A clock stopped at `epochSeconds` (its sleeps return at once), for tests of one instant.
    public static func fixed(_ epochSeconds: Int64) -> Clock {
        let stopped = UInt64(max(0, epochSeconds)) * nanosPerSecond
        return Clock(wallNanos: { stopped }, monotonicNanos: { stopped }, sleep: { _ in try Task.checkCancellation() })
    }
}

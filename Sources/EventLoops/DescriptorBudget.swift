import Glibc

/// The process's file-descriptor limit and the client-connection cap derived from it.
public enum DescriptorBudget {
    /// The soft `RLIMIT_NOFILE` (what `ulimit -n` shows); `Int.max` when unlimited or unknown.
    public static func softLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return Int.max }
        return Int(clamping: limit.rlim_cur)
    }

    /// Client connections per loop that fit under `limit` after `reserved` descriptors (backend pool,
    /// listeners, log and certificate files), with each loop's 503 reserve on top (at least 1).
    public static func connectionsPerLoop(limit: Int, reserved: Int, loops: Int) -> Int {
        let available = limit == Int.max ? 1 << 20 : max(0, limit - reserved)
        let perLoop = available / max(1, loops)
        // The hard limit is the cap plus an eighth: solve cap + max(2, cap / 8) <= perLoop.
        return max(1, min(perLoop - 2, perLoop * 8 / 9))
    }
}

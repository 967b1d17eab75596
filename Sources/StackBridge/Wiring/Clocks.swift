import Glibc

/// Wall-clock nanoseconds since 1970 (the simulator's `created` dates and `expires` checks).
func wallClockNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Flushes C stdio buffers (`fflush(stdout)` is rejected under strict concurrency; `nil` flushes all).
func fflushAll() {
    fflush(nil)
}

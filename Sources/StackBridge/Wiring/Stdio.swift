import Glibc

/// Flushes C stdio buffers (`fflush(stdout)` is rejected under strict concurrency; `nil` flushes all).
func fflushAll() {
    fflush(nil)
}

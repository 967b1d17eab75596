internal import CLibevent
import Glibc

/// Gives the heap a large answer used back to the kernel once the answer is out (issue 16: RSS after a large list
/// back near its idle figure).
///
/// glibc keeps freed memory in its arenas: after a 10,000-instance DescribeInstances (27 MB of XML, about as much
/// again in CloudStack models) the bridge stayed 45-85 MB above its idle RSS with 6 MB of it in use. Two settings
/// bring it back (measured in `docs/performance.md`, issue 16):
/// - a fixed mmap threshold (`configure`): glibc's own threshold rises to the largest block freed (up to 32 MB), so
///   after one large answer every CloudStack page buffer after it came from the arena and fragmented it; fixed at
///   `mmapThreshold`, blocks that large (a CloudStack page of 500 rows is about 1.5 MB) are mapped and unmapped on
///   their own. 256 KB left the same RSS afterwards but page-faulted every page's model arrays in fresh; 4 MB left
///   4 MB more. The 10-VM paths allocate nothing that large.
/// - `malloc_trim` a moment after the last large answer or long request (`Schedule.noteLarge`,
///   `LoopState.returnHeapIfDue`): it returns the free pages inside the arenas, which glibc only does at an arena's
///   top. It runs from a loop's
///   periodic sweep (`LoopFrontEnd.sweepWatches`), never on a request's path, `quietNanos` after the last large
///   answer (and at least every `maxWaitNanos` while they keep coming), and once more `followUpNanos` later.
public enum HeapReturn {
    /// Blocks at least this large are mapped on their own.
    public static let mmapThreshold: Int32 = 1024 * 1024
    /// Answers at least this large ask for a trim.
    public static let largeReplyBytes = 256 * 1024
    /// Requests that ran at least this long ask for one too, whatever their answer's size: such a request made many
    /// CloudStack calls, or waited on slow ones, and what they read was freed into the arenas (a page of DescribeTags
    /// over network interfaces reads 2,000 NICs' details and may answer none; it left the bridge 5 MB of free heap
    /// above idle). The 10-VM paths take well under a millisecond.
    public static let longRequestNanos: UInt64 = 250_000_000
    /// Quiet after the last large answer before trimming: a second. A trimmed heap is faulted in again by the next
    /// large list (trimming 200 ms after each page made a page of 500 cost about 1.3x), so pages that follow each
    /// other keep theirs.
    static let quietNanos: UInt64 = 1_000_000_000
    /// Time after the first untrimmed large answer by which a trim happens even if large answers keep coming.
    static let maxWaitNanos: UInt64 = 5_000_000_000
    /// Time after a trim for one more, once what list walks keep for a few seconds has gone: the CloudStack pages
    /// read ahead that nobody took (dropped 5 s after they were read, `CloudStack.PageReadAhead`) and a zone's volumes
    /// kept for GCE's instance lists (let go 10 s after they were read, `Catalog.volumeTTLSeconds`, read before the
    /// walk's last answer), both gone by then.
    static let followUpNanos: UInt64 = 12_000_000_000

    /// At most this many malloc arenas for `cores` processors: one a core, and two on a single core. glibc's own
    /// limit is eight a core; every arena a large list touched keeps pages pinned by the few blocks still live on
    /// them, so after 10,000-VM lists the bridge stayed 10-16% above its idle RSS uncapped and 4-13% capped (2 cores),
    /// and the 10-VM paths cost the same per request (`docs/performance.md`, issue 16).
    static func arenaLimit(cores: Int) -> Int32 { Int32(clamping: max(2, cores)) }

    /// Fixes glibc's mmap threshold (and with it its trim threshold, which glibc then stops moving too) and caps
    /// its arenas. Called once at start-up, before the loops run.
    public static func configure() {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, mmapThreshold * 2)
        _ = mallopt(M_ARENA_MAX, arenaLimit(cores: cores))
    }

    /// When a loop trims, on the front end's monotonic clock (one per loop, on its thread: no lock).
    struct Schedule {
        /// When the last large answer went out, and the first since the last trim.
        private var lastLarge: UInt64?
        private var firstLarge: UInt64?
        /// One more trim once what the lists' caches keep for a few seconds has gone.
        private var followUp: UInt64?

        /// A large answer went out at `now`.
        mutating func noteLarge(at now: UInt64) {
            lastLarge = now
            if firstLarge == nil { firstLarge = now }
        }

        /// Whether to trim at `now`; a yes clears what it was due for.
        mutating func due(at now: UInt64) -> Bool {
            guard let last = lastLarge, let first = firstLarge else {
                guard let followUp, now >= followUp else { return false }
                self.followUp = nil
                return true
            }
            guard now &- last >= HeapReturn.quietNanos || now &- first >= HeapReturn.maxWaitNanos else { return false }
            lastLarge = nil
            firstLarge = nil
            followUp = now &+ HeapReturn.followUpNanos
            return true
        }
    }

    /// How many malloc arenas this process has (`<heap nr=…>` entries of glibc's `malloc_info`), or nil if it cannot say.
    static func arenaCount() -> Int? {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return nil }
        let written = malloc_info(0, stream)
        fclose(stream)
        guard let buffer else { return nil }
        defer { free(buffer) }
        guard written == 0 else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: size), as: UTF8.self)
        return text.split(separator: "<heap nr=", omittingEmptySubsequences: false).count - 1
    }

    /// Returns every arena's free pages to the kernel.
    static func trim() { _ = malloc_trim(0) }
}

extension LoopState {
    /// Trims the heap when this loop's schedule says so (from the loop's sweep, on its thread).
    func returnHeapIfDue(now: UInt64) {
        guard heapReturn.due(at: now) else { return }
        HeapReturn.trim()
        heapTrims.add(1, ordering: .relaxed)
    }
}

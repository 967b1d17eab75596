import Pipeline
import Synchronization

/// The next CloudStack page of a front-end page walk (EC2 `NextToken`, GCE `pageToken`), read while the client is
/// still reading the page it was given (issue 16).
///
/// A client paging through a list asks for page n+1 only once it has page n, so without this the management
/// server's work on a page, the bridge's and the client's never overlap. When a walk answers a token whose next row
/// is on a CloudStack page the walk has not read, that page is read in the background (`start`) and the page the
/// walk ended on is kept (`keep`: the next request looks for the last row it answered there, to resume exactly
/// after it); the next request of the walk takes them (`take`) instead of asking again. A resumed walk that reads
/// both costs no CloudStack call of its own.
///
/// An entry is taken at most once, only by the same caller (API key), command, parameters, page and page size, only
/// within `ttlNanos`, and only while no command that changes anything (`noteWrite`: any command but a list, a get or
/// a job query, and a job found finished) went through this client since the read started; else the page is read
/// again as before. At most `capacity` pages are held; the oldest is dropped first.
public final class PageReadAhead: Sendable {
    struct Key: Hashable, Sendable {
        var apiKey: String
        var command: String
        var parameters: [String]
        var page: Int
        var pageSize: Int
    }

    private struct Entry: Sendable {
        let page: Task<(any Sendable)?, Never>
        let writes: UInt64
        let startedNanos: UInt64
    }

    /// Pages held at most, two per walk (a page of 500 VMs is a few MB of rows).
    public static let capacity = 8
    /// How long a page read ahead stays usable.
    public static let ttlNanos: UInt64 = 5_000_000_000

    private let entries = Mutex<[Key: Entry]>([:])
    private let writes = Atomic<UInt64>(0)
    private let clock: Clock

    init(clock: Clock) { self.clock = clock }

    /// Records a command that may change what a list answers.
    func noteWrite() { writes.wrappingAdd(1, ordering: .releasing) }

    static func key(_ command: String, _ parameters: Parameters, page: Int, pageSize: Int, apiKey: String) -> Key {
        Key(apiKey: apiKey, command: command, parameters: parameters.pairs.map { "\($0.name)=\($0.value)" }, page: page, pageSize: pageSize)
    }

    /// Starts reading a page with `read` unless it is held already.
    func start(_ key: Key, read: @escaping @Sendable () async -> (any Sendable)?) {
        insert(key) { Task { await read() } }
    }

    /// Keeps a page a walk has just read, for the next request of the walk (which finds its last row there again).
    func keep(_ key: Key, _ page: any Sendable) {
        insert(key) { Task { page } }
    }

    private func insert(_ key: Key, _ make: () -> Task<(any Sendable)?, Never>) {
        let now = clock.monotonicNanos()
        let stamp = writes.load(ordering: .acquiring)
        let inserted = entries.withLock { entries -> Bool in
            guard entries[key] == nil else { return false }
            entries = entries.filter { now &- $0.value.startedNanos < Self.ttlNanos }
            if entries.count >= Self.capacity, let oldest = entries.min(by: { $0.value.startedNanos < $1.value.startedNanos }) {
                entries.removeValue(forKey: oldest.key)?.page.cancel()
            }
            entries[key] = Entry(page: make(), writes: stamp, startedNanos: now)
            return true
        }
        guard inserted else { return }
        // Dropped when nobody took it in time, so an abandoned walk holds nothing (real time: this frees memory only;
        // `take` judges age on the injected clock).
        Task { [weak self] in
            try? await Task.sleep(nanoseconds: Self.ttlNanos)
            self?.entries.withLock { entries in
                if entries[key]?.startedNanos == now { entries.removeValue(forKey: key)?.page.cancel() }
            }
        }
    }

    /// The page held under `key`, removed; nil when none is, it is too old, something was written since it was
    /// read, or its read failed.
    func take(_ key: Key) async -> (any Sendable)? {
        let now = clock.monotonicNanos()
        guard let entry = entries.withLock({ $0.removeValue(forKey: key) }) else { return nil }
        guard now &- entry.startedNanos < Self.ttlNanos, entry.writes == writes.load(ordering: .acquiring) else {
            entry.page.cancel()
            return nil
        }
        let page = await entry.page.value
        // A write while the read was under way: the page may predate it.
        guard entry.writes == writes.load(ordering: .acquiring) else { return nil }
        return page
    }

    /// Whether no page is held.
    var isEmpty: Bool { entries.withLock { $0.isEmpty } }
}

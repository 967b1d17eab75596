/// The state machine of one loop's backend connection pool, free of sockets and clocks.
///
/// Connections are identified by integers; the owner performs the I/O the answers ask for.
/// Idle connections are reused newest first (LIFO keeps the hot ones hot and lets the rest age
/// out); waiters are served first come, first served, and time out at their deadline.
struct PoolState {
    /// Pool sizing and timing.
    struct Configuration {
        var size: Int
        var idleTimeoutNanos: UInt64
        var queueLimit: Int
        var queueDeadlineNanos: UInt64
    }

    /// What `acquire` asks the owner to do.
    enum Acquisition: Equatable {
        /// Use this idle connection.
        case reuse(Int)
        /// Open a new connection (then call `opened`).
        case open
        /// Wait with this ticket until `release` hands over a connection or the deadline passes.
        case wait(ticket: Int)
        /// The queue is full: fail now.
        case reject
    }

    /// What `release` and `discard` ask the owner to do.
    enum Handoff: Equatable {
        /// Nothing: the connection went back to the idle list (or was dropped).
        case none
        /// Give this connection to the waiter with this ticket.
        case give(connection: Int, ticket: Int)
        /// Open a new connection for the waiter with this ticket (a slot was freed).
        case openFor(ticket: Int)
    }

    let configuration: Configuration
    private(set) var idle: [(id: Int, since: UInt64)] = []
    private(set) var busy: Set<Int> = []
    private(set) var opening = 0
    private(set) var waiters: [(ticket: Int, deadline: UInt64)] = []
    private(set) var opened = 0
    private var nextTicket = 0

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Connections open or being opened.
    var total: Int { idle.count + busy.count + opening }

    /// Asks for a connection at time `now`.
    mutating func acquire(now: UInt64) -> Acquisition {
        if let last = idle.popLast() {
            busy.insert(last.id)
            return .reuse(last.id)
        }
        if total < configuration.size {
            opening += 1
            return .open
        }
        guard waiters.count < configuration.queueLimit else { return .reject }
        nextTicket += 1
        waiters.append((nextTicket, now + configuration.queueDeadlineNanos))
        return .wait(ticket: nextTicket)
    }

    /// A connection asked for by `.open` or `.openFor` now exists and is busy.
    mutating func opened(_ id: Int) {
        opening -= 1
        opened += 1
        busy.insert(id)
    }

    /// Opening a connection failed; its slot is free again.
    mutating func openFailed() -> Handoff {
        opening -= 1
        return slotFreed()
    }

    /// A busy connection finished its exchange and can be reused.
    mutating func release(_ id: Int, now: UInt64) -> Handoff {
        guard busy.contains(id) else { return .none }
        if !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            return .give(connection: id, ticket: waiter.ticket)
        }
        busy.remove(id)
        idle.append((id, now))
        return .none
    }

    /// A connection (busy or idle) is broken or closed and leaves the pool.
    mutating func discard(_ id: Int) -> Handoff {
        if busy.remove(id) == nil {
            guard let index = idle.firstIndex(where: { $0.id == id }) else { return .none }
            idle.remove(at: index)
        }
        return slotFreed()
    }

    /// Waiters whose deadline has passed; they must fail with "pool exhausted".
    mutating func expireWaiters(now: UInt64) -> [Int] {
        var expired: [Int] = []
        waiters.removeAll { waiter in
            if waiter.deadline <= now {
                expired.append(waiter.ticket)
                return true
            }
            return false
        }
        return expired
    }

    /// A waiter gave up (its task was cancelled).
    mutating func cancelWaiter(_ ticket: Int) {
        waiters.removeAll { $0.ticket == ticket }
    }

    /// Idle connections unused for longer than the idle timeout; the owner closes them.
    mutating func evictIdle(now: UInt64) -> [Int] {
        var evicted: [Int] = []
        idle.removeAll { entry in
            if now &- entry.since >= configuration.idleTimeoutNanos {
                evicted.append(entry.id)
                return true
            }
            return false
        }
        return evicted
    }

    private mutating func slotFreed() -> Handoff {
        guard !waiters.isEmpty, total < configuration.size else { return .none }
        let waiter = waiters.removeFirst()
        opening += 1
        return .openFor(ticket: waiter.ticket)
    }
}

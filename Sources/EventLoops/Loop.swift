internal import CLibevent
import Glibc
import Synchronization

/// Owns one libevent `event_base` and the thread that runs it; a Swift `TaskExecutor`.
///
/// A request's task runs with its loop as executor preference, so every continuation resumed by a
/// libevent callback on this thread runs here too, and the reply goes out without a thread hop.
public final class Loop: TaskExecutor, @unchecked Sendable {
    /// The loop's index in its group (0-based), for logs and metrics.
    public let index: Int
    /// The event base. Touched only on the loop thread (and before the thread starts).
    let base: OpaquePointer
    /// Jobs and closures handed over from any thread.
    private let inbox = Mutex<Inbox>(Inbox())
    /// Wakes the loop thread when the inbox goes from empty to non-empty.
    private var wakeEvent: OpaquePointer?
    /// The loop thread, once started.
    private var thread: pthread_t?
    /// Loop-confined per-request bookkeeping (in-flight count, connections, pools).
    let state: LoopState

    struct Inbox {
        var jobs: [UnownedJob] = []
        var closures: [@Sendable () -> Void] = []
        var woken = false
    }

    /// Creates a loop with its own event base; call `start()` to run it on a new thread.
    init(index: Int) throws(EventLoopError) {
        guard let config = event_config_new() else { throw .libevent("event_config_new") }
        defer { event_config_free(config) }
        // evhttp toggles read/write interest several times per request; the changelist folds the
        // toggles of one loop iteration into at most one epoll_ctl per socket. (Its caveat concerns
        // dup()ed descriptors in the same base; each loop's base holds only its own dup.)
        event_config_set_flag(config, Int32(EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST.rawValue))
        guard let base = event_base_new_with_config(config) else { throw .libevent("event_base_new_with_config") }
        self.index = index
        self.base = base
        self.state = LoopState()
        let context = Unmanaged.passUnretained(self).toOpaque()
        // Ownership: the wake event holds an unretained pointer to self; the loop outlives it (freed in deinit).
        guard let wake = event_new(base, -1, Int16(EV_PERSIST), loopWakeCallback, context) else {
            throw .libevent("event_new(wake)")
        }
        event_add(wake, nil)
        wakeEvent = wake
    }

    deinit {
        if let wakeEvent { event_free(wakeEvent) }
        event_base_free(base)
    }

    // MARK: - TaskExecutor

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let mustWake = inbox.withLock { inbox -> Bool in
            inbox.jobs.append(unowned)
            if inbox.woken { return false }
            inbox.woken = true
            return true
        }
        if mustWake { wake() }
    }

    /// Runs `closure` on the loop thread, soon. Safe from any thread.
    public func execute(_ closure: @escaping @Sendable () -> Void) {
        let mustWake = inbox.withLock { inbox -> Bool in
            inbox.closures.append(closure)
            if inbox.woken { return false }
            inbox.woken = true
            return true
        }
        if mustWake { wake() }
    }

    /// Whether the caller is running on this loop's thread.
    public var inLoopThread: Bool {
        guard let thread else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    /// Traps when called off the loop thread: loop-confined state has no locks (like NIO's `NIOLoopBound`).
    func assertInLoop(_ what: StaticString = #function) {
        precondition(thread == nil || inLoopThread, "\(what) called off its loop thread")
    }

    private func wake() {
        if let wakeEvent { event_active(wakeEvent, Int32(EV_READ), 0) }
    }

    /// Drains the inbox on the loop thread (called from the wake callback).
    func drainInbox() {
        let (jobs, closures) = inbox.withLock { inbox -> ([UnownedJob], [@Sendable () -> Void]) in
            let taken = (inbox.jobs, inbox.closures)
            inbox.jobs.removeAll(keepingCapacity: true)
            inbox.closures.removeAll(keepingCapacity: true)
            inbox.woken = false
            return taken
        }
        let executor = asUnownedTaskExecutor()
        for job in jobs {
            job.runSynchronously(on: executor)
        }
        for closure in closures {
            closure()
        }
    }

    // MARK: - Thread

    /// Starts the loop thread.
    func start() throws(EventLoopError) {
        var tid = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        // Ownership: the thread holds one retain of the loop, released when the thread ends.
        let rc = pthread_create(&tid, nil, loopThreadMain, context)
        guard rc == 0 else {
            Unmanaged<Loop>.fromOpaque(context).release()
            throw .system("pthread_create", rc)
        }
        thread = tid
    }

    /// Body of the loop thread.
    func run() {
        LoopRegistry.setCurrent(self)
        // Keep dispatching until asked to exit; EVLOOP_NO_EXIT_ON_EMPTY keeps an idle loop alive.
        event_base_loop(base, Int32(EVLOOP_NO_EXIT_ON_EMPTY))
        LoopRegistry.setCurrent(nil)
    }

    /// Asks the loop to exit after the current iteration. Safe from any thread.
    func requestExit() {
        let base = UncheckedPointer(self.base)
        execute {
            event_base_loopexit(base.pointer, nil)
        }
    }

    /// Waits for the loop thread to end.
    func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
    }

    /// The loop whose thread is calling, if any.
    public static var current: Loop? { LoopRegistry.current() }
}

/// Errors raised while setting up loops, listeners and TLS.
public enum EventLoopError: Error, Sendable, CustomStringConvertible {
    /// A libevent call failed.
    case libevent(String)
    /// A system call failed with an errno value.
    case system(String, Int32)
    /// A listener could not be set up.
    case listen(String)

    public var description: String {
        switch self {
        case .libevent(let call): "libevent call failed: \(call)"
        case .system(let call, let errno): "\(call) failed: \(String(cString: strerror(errno)))"
        case .listen(let message): message
        }
    }
}

internal import CLibevent
import Glibc
import Synchronization

/// Owns N event loops, one thread each, started together and stopped together.
public final class LoopGroup: Sendable {
    /// The loops, in index order.
    public let loops: [Loop]
    private let next = Atomic<Int>(0)

    /// Creates and starts `count` loops (0 means one per core).
    public init(count: Int = 0) throws(EventLoopError) {
        LibeventRuntime.prepare()
        let n = count > 0 ? count : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var loops: [Loop] = []
        for index in 0..<n {
            loops.append(try Loop(index: index))
        }
        self.loops = loops
        for loop in loops {
            try loop.start()
        }
    }

    /// A loop chosen round-robin, for work that does not arrive on a loop (tests, CLI tools).
    public func any() -> Loop {
        let i = next.add(1, ordering: .relaxed).oldValue
        return loops[i % loops.count]
    }

    /// Stops every loop and waits for the threads to end.
    public func shutdown() {
        for loop in loops {
            loop.requestExit()
        }
        for loop in loops {
            loop.join()
        }
    }
}

/// Process-wide libevent and signal set-up, done once before the first loop exists.
enum LibeventRuntime {
    private static let once: Void = {
        // Required before any event_base is shared between threads (notes: without it async paths hung).
        evthread_use_pthreads()
        // A peer closing mid-write must give EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
    }()

    static func prepare() {
        _ = once
    }
}

import Dispatch
import Glibc
import Synchronization

/// Turns SIGTERM/SIGINT into a graceful stop and SIGHUP into a reload, via Dispatch signal sources
/// (no C callbacks in this module; each signal's default action is switched off first).
///
/// Sources are added from the thread that sets the watcher up and live as long as the watcher.
final class SignalWatcher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "stackbridge.signals")
    private var sources: [any DispatchSourceSignal] = []

    private let stop = AsyncSignal()
    private let reload = ReloadAction()

    /// Takes over SIGTERM, SIGINT and SIGHUP at once, before anything is announced, so a signal that
    /// arrives early is remembered instead of killing the process with the default action.
    init() {
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [stop] in stop.fire(name) }
            source.resume()
            sources.append(source)
        }
        signal(SIGHUP, SIG_IGN)
        let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        hangup.setEventHandler { [reload] in reload.run() }
        hangup.resume()
        sources.append(hangup)
    }

    /// Calls `action` on every SIGHUP from now on.
    func onReload(_ action: @escaping @Sendable () -> Void) {
        reload.set(action)
    }

    /// Returns the name of the first SIGTERM or SIGINT received (also one received before the call).
    func waitForStop() async -> String {
        await stop.wait()
    }
}

/// A one-shot value that any thread may set and one task awaits.
final class AsyncSignal: Sendable {
    private let state = Mutex<(value: String?, waiter: CheckedContinuation<String, Never>?)>((nil, nil))

    /// Sets the value (the first call wins) and wakes the waiter.
    func fire(_ value: String) {
        let waiter = state.withLock { state -> CheckedContinuation<String, Never>? in
            guard state.value == nil else { return nil }
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    /// Waits for the value.
    func wait() async -> String {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> String? in
                if let value = state.value { return value }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// The current SIGHUP action, replaceable from any thread.
final class ReloadAction: Sendable {
    private let action = Mutex<(@Sendable () -> Void)?>(nil)

    func set(_ body: @escaping @Sendable () -> Void) { action.withLock { $0 = body } }
    func run() { action.withLock { $0 }?() }
}

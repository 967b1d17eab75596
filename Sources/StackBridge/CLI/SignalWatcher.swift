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

    init() {}

    /// Calls `action` on every SIGHUP.
    func onReload(_ action: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler(handler: action)
        source.resume()
        sources.append(source)
    }

    /// Returns the name of the first SIGTERM or SIGINT received.
    func waitForStop() async -> String {
        let stop = AsyncSignal()
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop.fire(name) }
            source.resume()
            sources.append(source)
        }
        return await stop.wait()
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

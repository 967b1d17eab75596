import Synchronization

/// The CloudStack requests a test bridge sent, in order.
final class CommandLog: Sendable {
    private let targets = Mutex<[String]>([])

    func append(_ target: String) { targets.withLock { $0.append(target) } }

    /// The `command=` of every request since the last `reset`.
    var commands: [String] {
        targets.withLock { targets in
            targets.compactMap { target in
                target.split(whereSeparator: { $0 == "?" || $0 == "&" }).first { $0.hasPrefix("command=") }.map { String($0.dropFirst(8)) }
            }
        }
    }

    /// Every recorded target.
    var all: [String] { targets.withLock { $0 } }

    func reset() { targets.withLock { $0.removeAll() } }
}

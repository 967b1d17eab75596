import Synchronization

/// CloudStack refusals a test asks for: the `n`-th next request of a command is answered CloudStack's 431 error
/// instead of reaching the simulator, so a test can make a step fail half-way through a method.
final class CommandFaults: Sendable {
    private let pending = Mutex<[String: Int]>([:])

    /// Refuses the `nth` (1-based) next request of `command`.
    func refuse(_ command: String, nth: Int) { pending.withLock { $0[command] = nth } }

    /// The error body for this request, when it is the one to refuse.
    func reply(to target: String) -> [UInt8]? {
        guard let command = target.split(whereSeparator: { $0 == "?" || $0 == "&" }).first(where: { $0.hasPrefix("command=") })
        else { return nil }
        let name = String(command.dropFirst(8))
        let refuse = pending.withLock { pending -> Bool in
            guard let left = pending[name] else { return false }
            if left > 1 {
                pending[name] = left - 1
                return false
            }
            pending[name] = nil
            return true
        }
        guard refuse else { return nil }
        let body =
            #"{"\#(name.lowercased())response":{"uuidList":[],"errorcode":431,"cserrorcode":4350,"errortext":"injected by the test"}}"#
        return Array(body.utf8)
    }
}

import Synchronization

/// A token bucket that bounds retries to a fraction of requests, shared by every copy of one client.
final class RetryBudget: Sendable {
    private let tokens: Mutex<Double>
    private let ratio: Double
    private let capacity: Double

    init(ratio: Double, capacity: Double) {
        self.ratio = ratio
        self.capacity = capacity
        tokens = Mutex(capacity)
    }

    /// A first attempt earns `ratio` tokens.
    func deposit() {
        tokens.withLock { $0 = min(capacity, $0 + ratio) }
    }

    /// Spends one token for a retry; `false` when the budget is exhausted.
    func withdraw() -> Bool {
        tokens.withLock { value in
            guard value >= 1 else { return false }
            value -= 1
            return true
        }
    }
}

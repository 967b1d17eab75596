/// A sparse set of program counters in insertion order (Russ Cox, "Regular Expression Matching: the Virtual
/// Machine Approach"): constant-time insert, membership and clear.
struct PatternThreadList {
    /// The program counters, in insertion order.
    private(set) var members: [Int] = []
    private var slot: [Int]

    /// An empty set for program counters below `capacity`.
    init(capacity: Int) {
        slot = Array(repeating: -1, count: capacity)
        members.reserveCapacity(capacity)
    }

    /// Whether no thread is alive.
    var isEmpty: Bool { members.isEmpty }

    /// Inserts `pc`; `false` if it was already present.
    mutating func insert(_ pc: Int) -> Bool {
        let index = slot[pc]
        if index >= 0, index < members.count, members[index] == pc { return false }
        slot[pc] = members.count
        members.append(pc)
        return true
    }

    /// Empties the set, keeping its storage.
    mutating func removeAll() { members.removeAll(keepingCapacity: true) }
}

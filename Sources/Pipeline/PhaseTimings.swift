/// Nanoseconds spent in each phase that ran, stored inline (no allocation per request).
///
/// Iterates in phase order as `(phase, nanos)` pairs, only over phases that were recorded.
public struct PhaseTimings: Sendable, Sequence, ExpressibleByArrayLiteral {
    private var nanos: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private var recorded: UInt8 = 0

    /// No phases recorded.
    public init() {}

    /// Records the given phases (tests and tools).
    public init(arrayLiteral elements: (Phase, UInt64)...) {
        for (phase, value) in elements { record(phase, value) }
    }

    /// Adds `value` to the time of `phase`.
    public mutating func record(_ phase: Phase, _ value: UInt64) {
        let index = phase.index
        recorded |= 1 << index
        withUnsafeMutableBytes(of: &nanos) { raw in
            let slots = raw.bindMemory(to: UInt64.self)
            slots[index] &+= value
        }
    }

    /// The time recorded for `phase`, if it ran.
    public subscript(phase: Phase) -> UInt64? {
        let index = phase.index
        guard recorded & (1 << index) != 0 else { return nil }
        return withUnsafeBytes(of: nanos) { $0.load(fromByteOffset: index * 8, as: UInt64.self) }
    }

    /// How many phases were recorded.
    public var count: Int { recorded.nonzeroBitCount }

    public func makeIterator() -> Iterator {
        Iterator(timings: self)
    }

    /// Iterates recorded phases in order.
    public struct Iterator: IteratorProtocol {
        let timings: PhaseTimings
        var position = 0

        public mutating func next() -> (phase: Phase, nanos: UInt64)? {
            while position < Phase.allCases.count {
                let phase = Phase.allCases[position]
                position += 1
                if let value = timings[phase] { return (phase, value) }
            }
            return nil
        }
    }
}

extension Phase {
    /// Position in the declared order (0-5).
    var index: Int {
        switch self {
        case .route: 0
        case .authenticate: 1
        case .decode: 2
        case .translate: 3
        case .call: 4
        case .render: 5
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock time in whole seconds since the Unix epoch, injectable so tests control "now".
public struct WallClock: Sendable {
    /// Returns the current time in seconds since 1970-01-01T00:00:00Z.
    public let now: @Sendable () -> Int64

    /// A clock from a closure.
    public init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    /// The system's real-time clock.
    public static let system = WallClock { Int64(time(nil)) }

    /// A clock stopped at `seconds`, for tests.
    public static func fixed(_ seconds: Int64) -> WallClock { WallClock { seconds } }
}

/// A configuration value that must never be printed: keys, tokens, seeds.
///
/// Every textual form (`description`, `debugDescription`, `dump`, string interpolation) shows
/// `<redacted>`; only `exposedValue` gives the text, and only code that uses the secret calls it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What every textual form of a secret shows.
    public static let redacted = "<redacted>"

    private let value: String

    /// Wraps a secret value.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret text itself; never pass it to a logger or a printer.
    public var exposedValue: String { value }

    /// Whether no secret is set.
    public var isEmpty: Bool { value.isEmpty }

    /// Always `<redacted>`.
    public var description: String { Secret.redacted }

    /// Always `<redacted>`.
    public var debugDescription: String { Secret.redacted }

    // Without this, `dump(settings)` and Swift Testing's failure messages would reflect the stored text.
    /// No children, so reflection shows nothing.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

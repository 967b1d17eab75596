public import Logging
public import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A swift-log handler that writes each event as one logfmt or JSON line to a sink (stdout,
/// stderr, or a test's collector), with one `write(2)` per line so lines from loops never interleave.
public struct LineLogHandler: LogHandler {
    /// Receives one complete line, newline included.
    public typealias Sink = @Sendable ([UInt8]) -> Void

    /// Writes lines to standard output (the access log).
    public static let standardOutput: Sink = { LineLogHandler.writeAll($0, to: 1) }
    /// Writes lines to standard error (application logs).
    public static let standardError: Sink = { LineLogHandler.writeAll($0, to: 2) }

    /// The lowest level this handler writes.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata, merged under the logger's own.
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let line: LogLine
    private let sink: Sink
    private let clock: Clock

    /// Creates a handler; `fieldOrder` lists metadata keys rendered first, in that order; lines are
    /// stamped with `clock`'s wall time.
    public init(
        label: String, format: LogSettings.Format, level: Logger.Level = .info,
        fieldOrder: [String] = AccessLogStage.fieldOrder, sink: @escaping Sink = LineLogHandler.standardError,
        clock: Clock = .system
    ) {
        self.label = label
        self.clock = clock
        self.logLevel = level
        self.line = LogLine(format: format, fieldOrder: fieldOrder)
        self.sink = sink
    }

    /// A factory for `LoggingSystem.bootstrap`: every logger renders in `format` from `level` up.
    public static func factory(
        format: LogSettings.Format, level: Logger.Level, sink: @escaping Sink = LineLogHandler.standardError
    ) -> @Sendable (String) -> any LogHandler {
        { label in LineLogHandler(label: label, format: format, level: level, sink: sink) }
    }

    /// Renders and writes one line.
    public func log(event: LogEvent) {
        var merged: Logger.Metadata
        if metadata.isEmpty && metadataProvider == nil {
            // The access log's case: no merge, so no rehash of every key.
            merged = event.metadata ?? [:]
        } else {
            merged = metadataProvider?.get() ?? [:]
            merged.merge(metadata) { _, own in own }
            if let extra = event.metadata {
                merged.merge(extra) { _, own in own }
            }
        }
        if let error = event.error {
            merged["error"] = .string("\(error)")
        }
        sink(
            line.render(
                level: event.level, label: label, message: event.message.description, metadata: merged,
                nanosSinceEpoch: clock.wallNanos()))
    }

    /// This logger's metadata value for `key`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    // A closed or full log pipe must not take the gateway down: the line is dropped.
                    return
                }
            }
        }
    }
}

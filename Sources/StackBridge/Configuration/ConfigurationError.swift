/// Why a configuration could not be loaded: every problem found, each naming its key.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One invalid or unreadable setting.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The dotted key (`server.https.port`), or `config` for the file itself.
        public var key: String
        /// What is wrong, e.g. `must be 1-65535, got 70000`.
        public var message: String

        /// Creates a problem report.
        public init(key: String, message: String) {
            self.key = key
            self.message = message
        }

        /// `key: message`.
        public var description: String { "\(key): \(message)" }
    }

    /// The problems, in the order the keys are read.
    public var problems: [Problem]

    /// Creates an error from its problems.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// Creates an error with a single problem.
    public init(key: String, _ message: String) {
        self.problems = [Problem(key: key, message: message)]
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

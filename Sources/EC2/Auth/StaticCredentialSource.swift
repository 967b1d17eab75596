public import CloudStack
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Key pairs listed in a file, loaded once at start-up.
///
/// Format: one pair per line, `ACCESS_KEY_ID SECRET_KEY` separated by spaces or tabs; blank lines
/// and lines starting with `#` are ignored. Errors name the line number, never its content (it may
/// hold a secret). The file must not be readable by group or others.
public struct StaticCredentialSource: CredentialSource {
    /// Why a credentials file was refused.
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file could not be opened or read.
        case unreadable(path: String)
        /// Group or others may read the file (mode shown in octal).
        case tooOpen(path: String, mode: String)
        /// A line does not have exactly two fields.
        case malformedLine(path: String, line: Int)
        /// An access key id appears on two lines.
        case duplicateKey(path: String, line: Int)

        /// A message for the operator; never includes file content.
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read credentials file \(path)"
            case .tooOpen(let path, let mode):
                "credentials file \(path) has mode \(mode); it must not be readable by group or others (chmod 600)"
            case .malformedLine(let path, let line): "\(path):\(line): expected 'ACCESS_KEY_ID SECRET_KEY'"
            case .duplicateKey(let path, let line): "\(path):\(line): access key id already listed"
            }
        }
    }

    private let pairs: [String: CloudStackCredentials]

    /// A source holding `pairs` (later duplicates are ignored).
    public init(_ pairs: [CloudStackCredentials]) {
        var table: [String: CloudStackCredentials] = [:]
        for pair in pairs where table[pair.apiKey] == nil {
            table[pair.apiKey] = pair
        }
        self.pairs = table
    }

    /// Loads the file at `path`; `requirePrivate` refuses files readable by group or others.
    public init(contentsOf path: String, requirePrivate: Bool = true) throws(LoadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path: path) }
        if requirePrivate && (info.st_mode & 0o077) != 0 {
            throw .tooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard let bytes = StaticCredentialSource.read(path) else { throw .unreadable(path: path) }
        try self.init(parsing: bytes, path: path)
    }

    /// Parses file content in the documented format; `path` only labels errors.
    public init(parsing bytes: [UInt8], path: String = "<memory>") throws(LoadError) {
        var table: [String: CloudStackCredentials] = [:]
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            guard let first = fields.first, first.first != UInt8(ascii: "#") else { continue }
            guard fields.count == 2,
                let key = String(validating: fields[0], as: UTF8.self),
                let secret = String(validating: fields[1], as: UTF8.self)
            else { throw .malformedLine(path: path, line: lineNumber) }
            guard table[key] == nil else { throw .duplicateKey(path: path, line: lineNumber) }
            table[key] = CloudStackCredentials(apiKey: key, secretKey: secret)
        }
        self.pairs = table
    }

    /// How many key pairs the source holds.
    public var count: Int { pairs.count }

    public func credentials(forAccessKeyID accessKeyID: String) async throws -> CloudStackCredentials? {
        pairs[accessKeyID]
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                return ferror(file) == 0 ? out : nil
            }
        }
    }
}

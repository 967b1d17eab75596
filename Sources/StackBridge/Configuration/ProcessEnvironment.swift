#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's environment variables, read from `environ` without Foundation.
public enum ProcessEnvironment {
    /// Every `NAME=value` pair of the process environment.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        // `environ` is optional on some platforms and not on others: bind it through an optional.
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var cursor = start else { return result }
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }
}
